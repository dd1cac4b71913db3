#include "identitybox.h"

#include "identityproof.h"
#include "identitystore.h"

#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Natter {

namespace {

QLabel *plainLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// Runs `work` on the thread pool and hands its result to `done` on this object's thread.
template<typename Result>
void runAway(QObject *owner, std::function<Result()> work, std::function<void(const Result &)> done)
{
    auto *watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

IdentityBox::IdentityBox(IdentityStore *store, const IdentityKey &key, QWidget *parent)
    : QGroupBox(tr("Your Identity"), parent)
    , m_store(store)
    , m_number(plainLabel({}))
    , m_exportButton(new QPushButton(tr("&Export…")))
{
    setObjectName(QStringLiteral("identityBox"));
    m_number->setObjectName(QStringLiteral("ownSafetyNumberLabel"));
    m_number->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *exportButton = m_exportButton;
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *importButton = new QPushButton(tr("&Import…"));
    importButton->setObjectName(QStringLiteral("importButton"));
    connect(exportButton, &QPushButton::clicked, this, &IdentityBox::askExport);
    connect(importButton, &QPushButton::clicked, this, &IdentityBox::askImport);
    connect(this, &IdentityBox::finished, this, [this](bool ok, const QString &message) {
        auto *box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, tr("Your Identity"), message,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("identityOutcome"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(exportButton);
    buttons->addWidget(importButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Your names on each server belong to this key. Others can compare its safety "
                                    "number with the one they see for you:")));
    layout->addWidget(m_number);
    layout->addWidget(plainLabel(tr("To keep your names on another computer, export the key here with a "
                                    "passphrase and import it there.")));
    layout->addLayout(buttons);
    showKey(key);
}

QString IdentityBox::safetyNumber() const
{
    return m_number->text();
}

void IdentityBox::showKey(const IdentityKey &key)
{
    m_key = key;
    m_exportButton->setEnabled(!key.isNull());
    m_number->setText(key.isNull() ? tr("No key: you join chats as a guest.")
                                   : Protocol::safetyNumber(key.publicKey()));
}

std::optional<QString> IdentityBox::askPassphrase(bool twice)
{
    bool ok = false;
    const QString passphrase =
        QInputDialog::getText(this, tr("Passphrase"), tr("Passphrase for the key file:"), QLineEdit::Password, {}, &ok);
    if (!ok)
        return std::nullopt;
    if (twice) {
        const QString again = QInputDialog::getText(this, tr("Passphrase"), tr("The same passphrase again:"),
                                                    QLineEdit::Password, {}, &ok);
        if (!ok)
            return std::nullopt;
        if (again != passphrase) {
            emit finished(false, tr("The two passphrases differ. Nothing was exported."));
            return std::nullopt;
        }
    }
    return passphrase;
}

void IdentityBox::askExport()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QDir(folder).exists())
        folder = QDir::homePath();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Your Identity"), folder + QStringLiteral("/natter-identity.pem"),
                                     tr("Natter identity (*.pem)"));
    if (path.isEmpty())
        return;
    if (const auto passphrase = askPassphrase(true))
        exportTo(path, *passphrase);
}

void IdentityBox::askImport()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import an Identity"), {}, tr("Natter identity (*.pem);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Replace Your Identity?"),
        tr("Names you own with the key you have now will no longer be yours from this computer. Use the imported "
           "key instead?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (const auto passphrase = askPassphrase(false))
        importFrom(path, *passphrase);
}

void IdentityBox::exportTo(const QString &path, const QString &passphrase)
{
    if (passphrase.isEmpty()) {
        emit finished(false, tr("Choose a passphrase: the file would otherwise let anyone take your names."));
        return;
    }
    const IdentityKey key = m_key;
    runAway<QString>(
        this,
        [key, path, passphrase]() -> QString {
            const QByteArray pem = key.exportEncrypted(passphrase);
            QSaveFile file(path);
            if (pem.isEmpty() || !file.open(QIODevice::WriteOnly))
                return file.errorString().isEmpty() ? QStringLiteral("no key") : file.errorString();
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            if (file.write(pem) != pem.size() || !file.commit())
                return file.errorString();
            return {};
        },
        [this, path](const QString &error) {
            if (error.isEmpty())
                emit finished(true, tr("Your identity was exported to %1.").arg(path));
            else
                emit finished(false, tr("Your identity could not be exported: %1").arg(error));
        });
}

void IdentityBox::importFrom(const QString &path, const QString &passphrase)
{
    struct Outcome
    {
        std::optional<IdentityKey> key;
        QString error;
    };
    runAway<Outcome>(
        this,
        [path, passphrase]() -> Outcome {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return {std::nullopt, file.errorString()};
            Outcome outcome;
            outcome.key =
                IdentityKey::importEncrypted(file.read(IdentityKey::MaxImportSize + 1), passphrase, &outcome.error);
            return outcome;
        },
        [this](const Outcome &outcome) {
            if (!outcome.key) {
                emit finished(false, tr("That key could not be imported: %1").arg(outcome.error));
                return;
            }
            // The store says whether it kept the key; only then is it this install's identity.
            auto *context = new QObject(this);
            connect(m_store, &IdentityStore::ready, context, [this, context](const IdentityKey &key) {
                delete context;
                showKey(key);
                emit finished(true,
                              tr("This computer now uses the imported identity. It signs in with it the next "
                                 "time Natter connects to a chat."));
            });
            connect(m_store, &IdentityStore::failed, context, [this, context](const QString &reason) {
                delete context;
                emit finished(false, tr("The imported key could not be kept: %1").arg(reason));
            });
            m_store->replace(*outcome.key);
        });
}

} // namespace Natter
