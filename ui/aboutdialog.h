#pragma once

// Says what Natter is, which version is running and on which Qt.

#include <QDialog>

namespace Natter {

// The name, version and icon come from QCoreApplication and QApplication, as main() set them.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace Natter
