// natter: the desktop app. The composition root: the one file of app/ that sees ui/.

#include "appsettings.h"
#include "launcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Natter;

namespace {

void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("natter"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("natter"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/natter/icons/natter.svg")));
    QApplication::setQuitOnLastWindowClosed(false); // hosting may go on in the tray
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Chat on your network without signing up."));
    parser.addHelpOption();
    parser.addVersionOption();
    // Not "--name": QGuiApplication takes that one for the window system's resource name.
    const QCommandLineOption nameOption(
        QStringLiteral("nickname"), QApplication::translate("main", "Your name in the chat."), QStringLiteral("name"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QApplication::translate("main", "Host a chat on this computer right away."));
    const QCommandLineOption joinOption(
        QStringLiteral("join"), QApplication::translate("main", "Join the chat at URL."), QStringLiteral("url"));
    parser.addOptions({nameOption, hostOption, joinOption});
    parser.process(app);

    AppSettings settings;
    Launcher launcher(&settings);
    QObject::connect(&launcher, &Launcher::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    Launcher::Options options;
    options.name = parser.value(nameOption);
    options.host = parser.isSet(hostOption);
    if (parser.isSet(joinOption))
        options.joinUrl = QUrl::fromUserInput(parser.value(joinOption));
    launcher.start(options);
    return QApplication::exec();
}
