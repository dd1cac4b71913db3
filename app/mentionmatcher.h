#pragma once

// Tells whether a text mentions one user: their name as a whole word, in any case, with or without a leading
// "@". Built once per name, since every incoming message is checked.

#include <QRegularExpression>
#include <QString>

namespace Natter {

class MentionMatcher
{
public:
    MentionMatcher() = default;
    explicit MentionMatcher(const QString &name);

    QString name() const { return m_name; }
    bool isEmpty() const { return m_name.isEmpty(); }
    bool matches(const QString &text) const;

private:
    QString m_name;
    QRegularExpression m_pattern;
};

} // namespace Natter
