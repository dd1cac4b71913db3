#pragma once

// The window's status bar: the connection's state in brief and, while hosting, the address others can join at,
// with a button that copies the invite link.

#include <QList>
#include <QStatusBar>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace Natter {

class ShareStatus : public QStatusBar
{
    Q_OBJECT
public:
    explicit ShareStatus(QWidget *parent = nullptr);

    void setConnectionText(const QString &text);
    // While hosting, the addresses others can join at (the first is shown and copied); empty when not hosting.
    void setShareUrls(const QList<QUrl> &urls);
    QList<QUrl> shareUrls() const { return m_shareUrls; }
    void copyShareUrl();

private:
    QLabel *m_connectionLabel;
    QLabel *m_shareLabel;
    QToolButton *m_copyButton;
    QList<QUrl> m_shareUrls;
};

} // namespace Natter
