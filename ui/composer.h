#pragma once

// Where the user writes: Enter sends, Shift+Enter starts a new line, and a counter warns before the server's
// size limit is reached.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Natter {

class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    // The most UTF-8 bytes a message may have (from the server's welcome).
    void setMaxBytes(int bytes);
    void setPlaceholder(const QString &text);
    QString text() const;
    void clear();
    QPlainTextEdit *editor() const { return m_editor; }

signals:
    void sendRequested(const QString &text);
    void typing();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();
    void updateCounter();

    QPlainTextEdit *m_editor;
    QLabel *m_counter;
    QPushButton *m_sendButton;
    int m_maxBytes = 16 * 1024;
};

} // namespace Natter
