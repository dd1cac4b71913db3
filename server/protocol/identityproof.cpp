#include "identityproof.h"

#include <QCryptographicHash>
#include <QStringList>

namespace Natter::Protocol {

std::optional<QByteArray> decodeFixedBase64(const QString &text, int size)
{
    // Base64 of `size` bytes is exactly this long; checking first keeps a huge field from being decoded.
    if (text.size() != (size + 2) / 3 * 4)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size)
        return std::nullopt;
    // Only the canonical spelling: the same bytes must never arrive under two encodings.
    if (decoded.decoded.toBase64() != text.toLatin1())
        return std::nullopt;
    return decoded.decoded;
}

QString encodeBase64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray loginProofPayload(const QByteArray &nonce, const QString &certificateFingerprint)
{
    return QByteArrayLiteral("natter.v1 login\n") + nonce + '\n' + certificateFingerprint.toLatin1();
}

QString safetyNumber(const QByteArray &publicKey)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArrayLiteral("natter.v1 safety number\n") + publicKey,
                                                       QCryptographicHash::Sha256);
    QStringList groups;
    for (int group = 0; group < 6; ++group) {
        quint64 value = 0;
        for (int i = 0; i < 5; ++i)
            value = (value << 8) | static_cast<quint8>(digest.at(group * 5 + i));
        groups.append(QStringLiteral("%1").arg(value % 100000, 5, 10, QLatin1Char('0')));
    }
    return groups.join(u' ');
}

} // namespace Natter::Protocol
