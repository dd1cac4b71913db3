#pragma once

// natter-server's command line: options, the optional config file, and what to do with them.

#include "serverconfig.h"

#include <QStringList>

namespace Natter {

struct ServerCommandLine
{
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    Outcome outcome = Outcome::Run;
    ServerConfig config;
    QString message; // the help or version text, or the error

    // Parses arguments (argv with the program name first). Needs a QCoreApplication for --help's program name.
    static ServerCommandLine parse(const QStringList &arguments);
};

} // namespace Natter
