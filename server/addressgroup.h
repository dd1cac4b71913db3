#pragma once

// What the server counts one party by when it limits by address: an IPv4 address whole, an IPv6 address by its
// /64, which one machine or household usually has whole.

#include <QString>

QT_BEGIN_NAMESPACE
class QHostAddress;
QT_END_NAMESPACE

namespace Natter {

QString addressGroup(const QHostAddress &address);

} // namespace Natter
