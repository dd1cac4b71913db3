// Fuzzes the plain-text dialect's line parser (PlainTextMode::parseCommand) and the checks a parsed line goes
// through next: a /nick name's validation and look-alike skeleton, a said line's text validation.

#include "fuzzcheck.h"
#include "plaintextmode.h"
#include "validation.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Natter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The WebSocket reader only passes on text frames that are valid UTF-8.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString line = QString::fromUtf8(bytes);
    if (line.toUtf8() != bytes)
        return 0;
    const PlainTextMode::Command command = PlainTextMode::parseCommand(line);
    FUZZ_CHECK(line.contains(command.argument));
    switch (command.kind) {
    case PlainTextMode::CommandKind::Nick:
        if (!Protocol::validateName(command.argument)) {
            FUZZ_CHECK(!Protocol::nameKey(command.argument).isEmpty());
            (void)Protocol::nameSkeleton(command.argument);
        }
        break;
    case PlainTextMode::CommandKind::Say:
        FUZZ_CHECK(!command.argument.endsWith(u'\n') && !command.argument.endsWith(u'\r'));
        (void)Protocol::validateText(command.argument, 4096);
        break;
    case PlainTextMode::CommandKind::Help:
    case PlainTextMode::CommandKind::Password:
        break;
    }
    return 0;
}
