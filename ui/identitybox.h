#pragma once

// The preferences' "Your identity" section: this install's safety number, and moving the key to another computer
// as a passphrase-protected file (export) or taking one from there (import).

#include "identitykey.h"

#include <QGroupBox>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace Natter {

class IdentityStore;

class IdentityBox : public QGroupBox
{
    Q_OBJECT
public:
    IdentityBox(IdentityStore *store, const IdentityKey &key, QWidget *parent = nullptr);

    // Writes the key to `path` under the passphrase, off the GUI thread; finished() tells how it went.
    void exportTo(const QString &path, const QString &passphrase);
    // Reads a key from `path` and makes it this install's identity, off the GUI thread; finished() tells.
    void importFrom(const QString &path, const QString &passphrase);
    QString safetyNumber() const;

signals:
    // `message` is the sentence for the user either way.
    void finished(bool ok, const QString &message);

private:
    void askExport();
    void askImport();
    void showKey(const IdentityKey &key);
    std::optional<QString> askPassphrase(bool twice);

    IdentityStore *m_store;
    IdentityKey m_key;
    QLabel *m_number;
    QPushButton *m_exportButton;
};

} // namespace Natter
