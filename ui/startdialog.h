#pragma once

// The first screen: host a chat on this computer, or join one by its address.

#include <QDialog>
#include <QUrl>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter {

class StartDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Host, Join };
    Q_ENUM(Choice)

    // recentUrls: most recent first; the first one is filled in.
    StartDialog(const QStringList &recentUrls, Choice preselected, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // The normalized address to join, or an empty QUrl while the typed address is invalid.
    QUrl url() const;
    QString password() const;

    // Shows why the last attempt failed (for example, a refused connection). Plain text.
    void setError(const QString &message);

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createHostBox();
    QWidget *createJoinBox(const QStringList &recentUrls);
    void validateUrl();
    void choose(Choice choice);

    Choice m_choice;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_hostButton = nullptr;
    QComboBox *m_urlEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_urlStatusLabel = nullptr;
    QPushButton *m_joinButton = nullptr;
};

} // namespace Natter
