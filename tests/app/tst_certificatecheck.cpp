// Which server certificates the app trusts: the invite link's pin, a pin kept from an earlier visit, or an
// authority; the first-use question, a changed certificate and a wrong pin, end to end against a TLS server.

#include "certificatecheck.h"
#include "certificatepins.h"
#include "chatclient.h"
#include "invitelink.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using Kind = CertificateProblem::Kind;

class TestCertificateCheck : public QObject
{
    Q_OBJECT

private:
    static std::optional<CertificateProblem> connectAndWait(ChatClient &client, const QUrl &url)
    {
        QSignalSpy rejected(&client, &ChatClient::certificateRejected);
        client.connectToServer(url, QStringLiteral("Alice"));
        TestClient::waitUntil([&] { return client.state() == ChatClient::State::Connected || !rejected.isEmpty(); },
                              10000);
        if (rejected.isEmpty())
            return std::nullopt;
        return rejected.constFirst().constFirst().value<CertificateProblem>();
    }

private slots:
    void judge_data()
    {
        QTest::addColumn<QString>("linkPin");
        QTest::addColumn<QString>("pinned");
        QTest::addColumn<bool>("authority");
        QTest::addColumn<int>("expected"); // -1: trusted
        const QString mine(64, u'a');
        const QString other(64, u'b');
        QTest::newRow("link pin matches") << mine << QString() << false << -1;
        QTest::newRow("link pin wins over an old pin") << mine << other << false << -1;
        QTest::newRow("link pin differs") << other << mine << false << int(Kind::NotInvited);
        QTest::newRow("link pin differs, authority signed") << other << QString() << true << int(Kind::NotInvited);
        QTest::newRow("authority") << QString() << QString() << true << -1;
        QTest::newRow("authority, other pin kept") << QString() << other << true << -1;
        QTest::newRow("first visit") << QString() << QString() << false << int(Kind::Unknown);
        QTest::newRow("pinned before") << QString() << mine << false << -1;
        QTest::newRow("changed since") << QString() << other << false << int(Kind::Changed);
    }

    void judge()
    {
        QFETCH(QString, linkPin);
        QFETCH(QString, pinned);
        QFETCH(bool, authority);
        QFETCH(int, expected);
        const auto kind = CertificateCheck::judge(linkPin, pinned, QString(64, u'a'), authority);
        QCOMPARE(kind ? int(*kind) : -1, expected);
    }

    void groupsFingerprintsForReadingAloud()
    {
        QCOMPARE(CertificateCheck::grouped(QStringLiteral("0123456789abcdef")), QStringLiteral("0123 4567 89ab cdef"));
    }

    void inviteLinkConnectsWithoutAQuestionAndPins()
    {
        TestServer server;
        QVERIFY(server.start());
        CertificatePins pins;
        ChatClient client;
        client.setCertificatePins(&pins);
        QVERIFY(!connectAndWait(client, server.inviteUrl()));
        QCOMPARE(client.state(), ChatClient::State::Connected);
        // Pinned for later visits by address alone.
        QCOMPARE(pins.pinFor(server.inviteUrl()), server.server()->certificateFingerprint());
        client.disconnectFromServer();
        QVERIFY(!connectAndWait(client, Protocol::InviteLink::address(server.inviteUrl())));
    }

    void wrongPinIsRefusedForGood()
    {
        TestServer server;
        QVERIFY(server.start());
        QUrl wrong = server.inviteUrl();
        wrong.setFragment(QStringLiteral("sha256=") + QString(64, u'0'));
        ChatClient client;
        const auto problem = connectAndWait(client, wrong);
        QVERIFY(problem);
        QCOMPARE(problem->kind, Kind::NotInvited);
        QCOMPARE(problem->fingerprint, server.server()->certificateFingerprint());
        QCOMPARE(problem->expected, QString(64, u'0'));
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        // Nothing the user says makes another certificate the invited one.
        client.trustCertificate(problem->fingerprint);
        QTest::qWait(300);
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        QCOMPARE(server.server()->sessionCount(), 0);

        // A link naming a certificate, followed over plain ws://, is refused too.
        QUrl plain = server.url();
        plain.setFragment(wrong.fragment());
        const auto unencrypted = connectAndWait(client, plain);
        QVERIFY(unencrypted);
        QCOMPARE(unencrypted->kind, Kind::NotInvited);
        QVERIFY(unencrypted->fingerprint.isEmpty());
    }

    void firstVisitAsksThenRemembers()
    {
        TestServer server;
        QVERIFY(server.start());
        CertificatePins pins;
        ChatClient client;
        client.setCertificatePins(&pins);
        const QUrl address = Protocol::InviteLink::address(server.inviteUrl());
        const auto problem = connectAndWait(client, address);
        QVERIFY(problem);
        QCOMPARE(problem->kind, Kind::Unknown);
        QCOMPARE(problem->fingerprint, server.server()->certificateFingerprint());
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        QCOMPARE(server.server()->sessionCount(), 0); // stopped before the upgrade

        client.trustCertificate(QString(64, u'9')); // not the one shown: ignored
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        client.trustCertificate(problem->fingerprint);
        QTRY_COMPARE(client.state(), ChatClient::State::Connected);
        QCOMPARE(pins.pinFor(address), problem->fingerprint);
    }

    void encryptedAddressOfAPlainServerSaysWhereToGo()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.tls = ServerConfig::Tls::Off;
        TestServer server(config);
        QVERIFY(server.start());
        QUrl address = server.url();
        address.setScheme(QStringLiteral("wss"));
        ChatClient client;
        QSignalSpy failed(&client, &ChatClient::connectionFailed);
        client.connectToServer(address, QStringLiteral("Alice"));
        QVERIFY(failed.wait(10000));
        const QString reason = failed.constFirst().constFirst().toString();
        QVERIFY2(reason.contains(QStringLiteral("ws://127.0.0.1:%1").arg(server.url().port())), qPrintable(reason));
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
    }

    void changedCertificateIsCaught()
    {
        TestServer server;
        QVERIFY(server.start());
        CertificatePins pins;
        const QUrl address = Protocol::InviteLink::address(server.inviteUrl());
        pins.pin(address, QString(64, u'e')); // what an earlier visit saw
        ChatClient client;
        client.setCertificatePins(&pins);
        const auto problem = connectAndWait(client, address);
        QVERIFY(problem);
        QCOMPARE(problem->kind, Kind::Changed);
        QCOMPARE(problem->expected, QString(64, u'e'));
        QCOMPARE(problem->fingerprint, server.server()->certificateFingerprint());
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        client.trustCertificate(problem->fingerprint);
        QTRY_COMPARE(client.state(), ChatClient::State::Connected);
        QCOMPARE(pins.pinFor(address), server.server()->certificateFingerprint());
    }
};

QTEST_GUILESS_MAIN(TestCertificateCheck)
#include "tst_certificatecheck.moc"
