#pragma once

// Builds one visitor for std::visit out of several lambdas, one per message type.

namespace Natter::Protocol {

template<typename... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace Natter::Protocol
