// ErrorText: every refusal and every network failure becomes a sentence the user can act on.

#include "errortext.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class TestErrorText : public QObject
{
    Q_OBJECT

private slots:
    void everyErrorCodeHasASentence()
    {
        // The server's own words are English and may change; the sentence must never depend on them.
        const QString serverWords = QStringLiteral("SERVER WORDS");
        // Every code the protocol has a word for, including any added later.
        int code = 0;
        for (; errorCodeFromWord(errorCodeWord(ErrorCode(code))) == ErrorCode(code); ++code) {
            const ErrorEvent error{ErrorCode(code), serverWords, {}};
            const QString word = errorCodeWord(ErrorCode(code));
            for (const ErrorText::Subject &subject :
                 {ErrorText::Subject{},
                  ErrorText::Subject{QStringLiteral("dev"), QStringLiteral("Alice"), QStringLiteral("Bob")}}) {
                const QString sentence = ErrorText::describe(error, subject);
                QVERIFY2(sentence.trimmed().size() > 10, qPrintable(word));
                QVERIFY2(!sentence.contains(serverWords), qPrintable(word));
            }
        }
        QVERIFY(code > int(ErrorCode::InternalError));
    }

    void sentencesNameWhatTheRequestNamed()
    {
        const ErrorText::Subject subject{QStringLiteral("dev"), QStringLiteral("Alicia"), QStringLiteral("Bob")};
        QVERIFY(ErrorText::describe({ErrorCode::NotInRoom, {}, {}}, subject).contains(u"#dev"));
        QVERIFY(ErrorText::describe({ErrorCode::NameTaken, {}, {}}, subject).contains(u"Alicia"));
        const QString offline = ErrorText::describe({ErrorCode::UserUnknown, {}, {}}, {{}, {}, QStringLiteral("Bob")});
        QVERIFY2(offline.contains(u"Bob") && offline.contains(u"not online"), qPrintable(offline));
    }

    void socketErrorsSayWhere()
    {
        const QUrl url(QStringLiteral("ws://chat.example.org:7000"));
        const QString refused = ErrorText::socketError(QAbstractSocket::ConnectionRefusedError, url);
        QVERIFY2(refused.contains(u"chat.example.org:7000"), qPrintable(refused));
        const QString notFound = ErrorText::socketError(QAbstractSocket::HostNotFoundError, url);
        QVERIFY2(notFound.contains(u"chat.example.org"), qPrintable(notFound));
        QVERIFY(notFound != refused);
        QVERIFY(!ErrorText::socketError(QAbstractSocket::UnknownSocketError, url).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
