#pragma once

// The result of decoding untrusted input: either a value or the ProtocolError that explains the rejection.

#include "errorcode.h"

#include <utility>
#include <variant>

namespace Natter::Protocol {

template<typename T> class Parsed
{
public:
    Parsed(T value)
        : m_state(std::move(value))
    { }
    Parsed(ProtocolError error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const ProtocolError &error() const { return std::get<ProtocolError>(m_state); }

private:
    std::variant<T, ProtocolError> m_state;
};

} // namespace Natter::Protocol
