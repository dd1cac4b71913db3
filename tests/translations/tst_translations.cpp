// Checks that translations/*.ts hold exactly the strings the sources have, and a translation for each.
// lupdate runs on copies inside the build tree, so the check needs no git and never touches the sources.

#include "tsfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <set>

namespace {

const char *const updateHint =
    "Run scripts/update-translations to refresh translations/*.ts from the sources, then translate the messages "
    "it marks unfinished (natter_en.ts needs only the English singular and plural of each %n string).";
const char *const translateHint =
    "Translate them (in Qt Linguist, or by hand: fill in the text and drop type=\"unfinished\").";

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto &item : array)
        list.append(item.toString());
    return list;
}

// File path -> SHA-256, to tell whether a run changed anything.
QMap<QString, QByteArray> checksums(const QStringList &paths)
{
    QMap<QString, QByteArray> sums;
    for (const QString &path : paths) {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        sums.insert(path, file.exists() ? hash.result().toHex() : QByteArrayLiteral("absent"));
    }
    return sums;
}

std::set<TsMessage::Key> keysOf(const TsFile &file)
{
    std::set<TsMessage::Key> keys;
    for (const TsMessage &message : file.messages)
        keys.insert(message.key);
    return keys;
}

QString listed(const QList<TsMessage::Key> &keys)
{
    QString text;
    for (const TsMessage::Key &key : keys)
        text += QStringLiteral("\n    ") + key.describe();
    return text;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void messagesMatchSources_data();
    void messagesMatchSources();
    void everyMessageTranslated_data();
    void everyMessageTranslated();
    void sourceTreeUntouched();

private:
    bool runLupdate(const QStringList &extraOptions, const QStringList &tsFiles, QString *output);
    QString copyOf(const QString &committed) const { return m_workDir + u'/' + QFileInfo(committed).fileName(); }
    bool copyForLupdate(const QString &committed) const;

    QString m_lupdate;
    QString m_project;
    QStringList m_options;
    QStringList m_translations;
    QString m_pluralOnlyTranslation;
    QString m_workDir;
    QStringList m_watchedFiles;
    QMap<QString, QByteArray> m_checksumsBefore;
};

void TestTranslations::initTestCase()
{
    QFile configFile(QStringLiteral(NATTER_TRANSLATIONS_CHECK_CONFIG));
    QVERIFY2(configFile.open(QIODevice::ReadOnly), qPrintable(configFile.errorString()));
    const QJsonObject config = QJsonDocument::fromJson(configFile.readAll()).object();
    m_lupdate = config.value(u"lupdate").toString();
    m_project = config.value(u"project").toString();
    m_options = toStringList(config.value(u"options"));
    m_translations = toStringList(config.value(u"translations"));
    m_pluralOnlyTranslation = config.value(u"pluralOnlyTranslation").toString();
    m_workDir = config.value(u"workDir").toString();
    QVERIFY2(QFileInfo(m_lupdate).isExecutable(), qPrintable(m_lupdate + QStringLiteral(" is not executable")));
    QVERIFY(!m_translations.isEmpty());

    // Everything lupdate reads or might write: the translations folder and every scanned source.
    QFile projectFile(m_project);
    QVERIFY2(projectFile.open(QIODevice::ReadOnly),
             qPrintable(m_project + QStringLiteral(": ") + projectFile.errorString()));
    m_watchedFiles = toStringList(QJsonDocument::fromJson(projectFile.readAll()).object().value(u"sources"));
    QVERIFY(!m_watchedFiles.isEmpty());
    const QDir translationsDir(config.value(u"translationsDir").toString());
    for (const QFileInfo &entry : translationsDir.entryInfoList(QDir::Files | QDir::Hidden))
        m_watchedFiles.append(entry.absoluteFilePath());
    m_watchedFiles.append(m_translations);
    m_watchedFiles.append(m_pluralOnlyTranslation);
    m_checksumsBefore = checksums(m_watchedFiles);

    QDir work(m_workDir);
    QVERIFY(work.removeRecursively());
    QVERIFY(QDir().mkpath(m_workDir));
    QStringList copies;
    for (const QString &committed : m_translations) {
        QVERIFY2(copyForLupdate(committed), qPrintable(committed + QStringLiteral(" is missing")));
        copies.append(copyOf(committed));
    }
    // A missing plural-only file is reported by messagesMatchSources; lupdate starts a new copy then.
    copyForLupdate(m_pluralOnlyTranslation);

    QString output;
    QVERIFY2(runLupdate({}, copies, &output), qPrintable(output));
    QVERIFY2(runLupdate({QStringLiteral("-pluralonly")}, {copyOf(m_pluralOnlyTranslation)}, &output),
             qPrintable(output));
}

bool TestTranslations::copyForLupdate(const QString &committed) const
{
    // Writable even when the sources are not (a read-only checkout or unpacked tarball), for lupdate to update.
    return QFile::copy(committed, copyOf(committed))
        && QFile::setPermissions(copyOf(committed),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

bool TestTranslations::runLupdate(const QStringList &extraOptions, const QStringList &tsFiles, QString *output)
{
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(m_lupdate,
                  QStringList{QStringLiteral("-project"), m_project} + m_options + extraOptions
                      + QStringList{QStringLiteral("-ts")} + tsFiles);
    const bool finished = lupdate.waitForFinished(120'000);
    *output = m_lupdate + QStringLiteral(" failed:\n") + QString::fromLocal8Bit(lupdate.readAll());
    return finished && lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0;
}

void TestTranslations::messagesMatchSources_data()
{
    QTest::addColumn<QString>("committed");
    for (const QString &path : m_translations)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    QTest::newRow(qPrintable(QFileInfo(m_pluralOnlyTranslation).fileName())) << m_pluralOnlyTranslation;
}

void TestTranslations::messagesMatchSources()
{
    QFETCH(QString, committed);
    const QString name = QFileInfo(committed).fileName();
    const bool pluralOnly = committed == m_pluralOnlyTranslation;
    if (!QFileInfo::exists(committed)) {
        QFAIL(qPrintable(QStringLiteral("%1 does not exist; it gives English the singular and plural of each %n "
                                        "string.\n%2")
                             .arg(name, QLatin1String(updateHint))));
    }

    TsFile current;
    TsFile refreshed;
    QString error;
    QVERIFY2(TsFile::read(committed, &current, &error), qPrintable(error));
    QVERIFY2(TsFile::read(copyOf(committed), &refreshed, &error), qPrintable(error));
    const std::set<TsMessage::Key> have = keysOf(current);
    const std::set<TsMessage::Key> want = keysOf(refreshed);
    QList<TsMessage::Key> missing;
    QList<TsMessage::Key> stale;
    std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(missing));
    std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(stale));

    QString problems;
    if (!missing.isEmpty()) {
        problems +=
            QStringLiteral("\n%1 lacks %2 %3 the sources have:%4")
                .arg(name)
                .arg(missing.size())
                .arg(pluralOnly ? QStringLiteral("plural string(s)") : QStringLiteral("string(s)"), listed(missing));
    }
    if (!stale.isEmpty()) {
        problems += QStringLiteral("\n%1 has %2 %3:%4")
                        .arg(name)
                        .arg(stale.size())
                        .arg(pluralOnly ? QStringLiteral("message(s) that are not plural strings of the sources")
                                        : QStringLiteral("message(s) no source has any more"),
                             listed(stale));
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(name + QStringLiteral(" is out of date.") + problems + u'\n' + QLatin1String(updateHint)));
}

void TestTranslations::everyMessageTranslated_data()
{
    messagesMatchSources_data();
}

void TestTranslations::everyMessageTranslated()
{
    QFETCH(QString, committed);
    if (!QFileInfo::exists(committed))
        QSKIP("missing; messagesMatchSources reports it");
    TsFile file;
    QString error;
    QVERIFY2(TsFile::read(committed, &file, &error), qPrintable(error));
    QList<TsMessage::Key> untranslated;
    for (const TsMessage &message : std::as_const(file.messages)) {
        if (message.type != u"vanished" && message.type != u"obsolete" && !message.isTranslated())
            untranslated.append(message.key);
    }
    if (!untranslated.isEmpty()) {
        QFAIL(qPrintable(QStringLiteral("%1 has %2 unfinished or empty translation(s):%3\n%4")
                             .arg(QFileInfo(committed).fileName())
                             .arg(untranslated.size())
                             .arg(listed(untranslated), QLatin1String(translateHint))));
    }
}

void TestTranslations::sourceTreeUntouched()
{
    const QMap<QString, QByteArray> after = checksums(m_watchedFiles);
    QStringList changed;
    for (auto it = m_checksumsBefore.cbegin(); it != m_checksumsBefore.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            changed.append(it.key());
    }
    QVERIFY2(changed.isEmpty(),
             qPrintable(QStringLiteral("the check changed the source tree:\n    ")
                        + changed.join(QStringLiteral("\n    "))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
