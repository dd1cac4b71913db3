// The questions about a server certificate, through the real widgets: the first visit by address shows the
// fingerprint and joins once trusted (and never asks again), a changed certificate cannot be trusted by a stray
// click, and a certificate the invite link does not name is refused with nothing to decide.

#include "appsettings.h"
#include "certificatecheck.h"
#include "certificatequestion.h"
#include "chatclient.h"
#include "invitelink.h"
#include "launcher.h"
#include "mainwindow.h"
#include "serveraddress.h"
#include "testclient.h"
#include "testserver.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestCertificateQuestion : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;

    Launcher::Options joining(const QUrl &url)
    {
        Launcher::Options options;
        options.name = QStringLiteral("Ada");
        options.joinUrl = url;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data-%1").arg(++m_run));
        options.trayAvailable = [] { return false; };
        return options;
    }

    static QPushButton *button(QMessageBox *box, QMessageBox::StandardButton which)
    {
        return qobject_cast<QPushButton *>(box->button(which));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void firstVisitShowsTheFingerprintOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString fingerprint = server.server()->certificateFingerprint();
        const QUrl address = Protocol::InviteLink::address(server.inviteUrl());
        QSettings store(m_dir.filePath(QStringLiteral("first.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        const Launcher::Options options = joining(address);
        {
            Launcher launcher(&settings);
            launcher.start(options);
            QTRY_VERIFY(launcher.certificateQuestion() && launcher.certificateQuestion()->isVisible());
            CertificateQuestion *question = launcher.certificateQuestion();
            QCOMPARE(question->problem().kind, CertificateProblem::Kind::Unknown);
            QVERIFY(question->informativeText().contains(CertificateCheck::grouped(fingerprint)));
            QCOMPARE(question->textFormat(), Qt::PlainText);
            QCOMPARE(server.server()->sessionCount(), 0); // nothing was said before the user decided
            auto *trust = question->findChild<QPushButton *>(QStringLiteral("trustButton"));
            QVERIFY(trust && trust->isEnabled());
            QTest::mouseClick(trust, Qt::LeftButton);
            QTRY_COMPARE(launcher.client()->state(), ChatClient::State::Connected);
            QCOMPARE(settings.certificatePin(ServerAddress::identity(address)), fingerprint);
        }
        // The next start of the same install goes straight back in: the certificate is pinned.
        Launcher again(&settings);
        again.start(options);
        QTRY_COMPARE(again.client()->state(), ChatClient::State::Connected);
        QVERIFY(!again.certificateQuestion());
    }

    void changedCertificateNeedsConfirmation()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl address = Protocol::InviteLink::address(server.inviteUrl());
        QSettings store(m_dir.filePath(QStringLiteral("changed.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setCertificatePin(ServerAddress::identity(address), QString(64, u'e'));
        Launcher launcher(&settings);
        launcher.start(joining(address));
        QTRY_VERIFY(launcher.certificateQuestion() && launcher.certificateQuestion()->isVisible());
        CertificateQuestion *question = launcher.certificateQuestion();
        QCOMPARE(question->problem().kind, CertificateProblem::Kind::Changed);
        QCOMPARE(question->icon(), QMessageBox::Warning);
        auto *trust = question->findChild<QPushButton *>(QStringLiteral("trustButton"));
        auto *confirmed = question->findChild<QCheckBox *>(QStringLiteral("confirmedCheckBox"));
        QVERIFY(trust && confirmed);
        QVERIFY(!trust->isEnabled()); // no silent click-through
        QCOMPARE(question->defaultButton(), button(question, QMessageBox::Cancel));
        confirmed->setChecked(true);
        QVERIFY(trust->isEnabled());
        QTest::mouseClick(button(question, QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!launcher.certificateQuestion());
        QCOMPARE(launcher.client()->state(), ChatClient::State::Disconnected);
        QCOMPARE(settings.certificatePin(ServerAddress::identity(address)), QString(64, u'e'));
        QCOMPARE(server.server()->sessionCount(), 0);
    }

    void wrongInviteLinkIsRefused()
    {
        TestServer server;
        QVERIFY(server.start());
        QUrl wrong = server.inviteUrl();
        wrong.setFragment(QStringLiteral("sha256=") + QString(64, u'0'));
        QSettings store(m_dir.filePath(QStringLiteral("wrong.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        Launcher launcher(&settings);
        launcher.start(joining(wrong));
        QTRY_VERIFY(launcher.certificateQuestion() && launcher.certificateQuestion()->isVisible());
        CertificateQuestion *question = launcher.certificateQuestion();
        QCOMPARE(question->problem().kind, CertificateProblem::Kind::NotInvited);
        QCOMPARE(question->icon(), QMessageBox::Critical);
        QVERIFY(!question->findChild<QPushButton *>(QStringLiteral("trustButton")));
        QVERIFY(button(question, QMessageBox::Close));
        QVERIFY(question->informativeText().contains(CertificateCheck::grouped(QString(64, u'0'))));
        QCOMPARE(launcher.client()->state(), ChatClient::State::Disconnected);
        QVERIFY(settings.certificatePin(ServerAddress::identity(wrong)).isEmpty());
    }
};

QTEST_MAIN(TestCertificateQuestion)
#include "tst_certificatequestion.moc"
