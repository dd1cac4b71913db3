#include "mentionmatcher.h"

namespace Natter {

MentionMatcher::MentionMatcher(const QString &name)
    : m_name(name)
    , m_pattern(QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(name)),
                QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption)
{ }

bool MentionMatcher::matches(const QString &text) const
{
    return !m_name.isEmpty() && text.contains(m_pattern);
}

} // namespace Natter
