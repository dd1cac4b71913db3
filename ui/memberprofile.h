#pragma once

// One member's profile: whether the name is theirs (signed in with a key) and the key's safety number, which two
// people compare to know they talk to each other.

#include <QDialog>

namespace Natter {

class MemberProfile : public QDialog
{
    Q_OBJECT
public:
    struct Member
    {
        QString name;
        QByteArray key; // empty for a guest
        bool online = false;
        bool self = false;
    };

    explicit MemberProfile(const Member &member, QWidget *parent = nullptr);

    // The safety number as shown (empty for a guest).
    QString safetyNumber() const { return m_safetyNumber; }

signals:
    void directRequested(const QString &name);

private:
    QString m_safetyNumber;
};

} // namespace Natter
