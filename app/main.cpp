// natter: the desktop app. The composition root: the one file of app/ that sees ui/.

#include "appsettings.h"
#include "launcher.h"
#include "serveraddress.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>
#include <memory>

using namespace Natter;

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Natter"));
    QCoreApplication::setApplicationName(QStringLiteral("natter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
}

void installTranslations(QCoreApplication &app)
{
    // Qt's own words (Cancel, Yes, the file dialogs) in the user's language too.
    for (const QString &catalog : {QStringLiteral("qtbase"), QStringLiteral("qtwebsockets")}) {
        auto *translator = new QTranslator(&app);
        if (translator->load(QLocale(), catalog, QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
    // The user's language; English (for its plural forms: "1 member", "2 members") when there is none for it.
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("natter"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral(":/i18n/natter_en")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

struct CommandLine
{
    QCommandLineParser parser;
    // Not "--name": QGuiApplication takes that one for the window system's resource name.
    QCommandLineOption name{QStringLiteral("nickname"), QCoreApplication::translate("main", "Your name in the chat."),
                            QStringLiteral("name")};
    QCommandLineOption host{QStringLiteral("host"),
                            QCoreApplication::translate("main", "Host a chat on this computer right away.")};
    QCommandLineOption join{QStringLiteral("join"), QCoreApplication::translate("main", "Join the chat at URL."),
                            QStringLiteral("url")};

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Chat on your network without signing up."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({name, host, join});
    }
};

// --help and --version print and exit; they must work without a display, so they are answered before the GUI.
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        installTranslations(app);
        CommandLine commandLine;
        commandLine.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setDesktopFileName(QStringLiteral("natter"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/natter/icons/natter.svg")));
    QApplication::setQuitOnLastWindowClosed(false); // hosting may go on in the tray
    installTranslations(app);

    CommandLine commandLine;
    commandLine.parser.process(app);

    AppSettings settings;
    Theme::apply(Theme::modeFor(settings.theme()));
    Launcher launcher(&settings);
    QObject::connect(&launcher, &Launcher::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    Launcher::Options options;
    options.name = commandLine.parser.value(commandLine.name);
    options.host = commandLine.parser.isSet(commandLine.host);
    if (commandLine.parser.isSet(commandLine.join)) {
        QString problem;
        if (const auto url = ServerAddress::parse(commandLine.parser.value(commandLine.join), &problem))
            options.joinUrl = *url;
        else
            options.startProblem = problem;
    }
    launcher.start(options);
    return QApplication::exec();
}
