#pragma once

// Asks for the name others will see, and accepts only a name the protocol allows.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter {

class NameDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NameDialog(const QString &initialName = {}, QWidget *parent = nullptr);

    // Why we ask (for example, the name was taken); an empty message hides it. Shown as plain text.
    void setMessage(const QString &message);

    // The name as typed, without leading or trailing spaces.
    QString name() const;

    void accept() override;

private:
    void validate();

    QLabel *m_messageLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    bool m_edited = false;
    QPushButton *m_okButton = nullptr;
};

} // namespace Natter
