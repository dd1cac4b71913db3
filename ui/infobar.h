#pragma once

// A band across the top of the conversation that tells the user something (connection state, a refusal) in
// plain text, tinted by how much it matters, with the buttons that act on it.

#include <QFrame>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
class QToolButton;
class QTimer;
QT_END_NAMESPACE

namespace Natter {

class InfoBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };
    Q_ENUM(Kind)

    explicit InfoBar(QWidget *parent = nullptr);

    // Shows the text (plain text, never markup); hideAfterMs > 0 hides it again after that long.
    void showMessage(const QString &text, Kind kind = Kind::Information, int hideAfterMs = 0);
    QString text() const;
    Kind kind() const { return m_kind; }
    // A button on the right, in order of adding; the caller connects it.
    QToolButton *addButton(const QString &text, const QString &objectName);
    void setClosable(bool closable);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_label;
    QHBoxLayout *m_buttons;
    QToolButton *m_closeButton;
    QTimer *m_hideTimer;
    Kind m_kind = Kind::Information;
};

} // namespace Natter
