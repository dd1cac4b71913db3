// Fuzzes ServerConfig::loadFile, which reads natter-server's INI config file. QSettings reads only files, so each
// input is written to a file of its own (a new name each run: QSettings caches files by name and time). A file
// either loads into settings the server can run with (a connection's rate limit among them), or is refused with
// a message.

#include "fuzzcheck.h"
#include "serverconfig.h"
#include "tokenbucket.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace Natter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir directory;
    static quint64 runs = 0;
    const QString path = directory.filePath(QStringLiteral("natter-%1.conf").arg(++runs));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly));
        FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
    }
    ServerConfig config;
    QString error;
    const bool loaded = config.loadFile(path, &error);
    QFile::remove(path);
    if (!loaded) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!config.name.isEmpty());
    FUZZ_CHECK(config.pingTimeoutMs > config.pingIntervalMs);
    FUZZ_CHECK(std::isfinite(config.limits.messagesPerSecond) && config.limits.messagesPerSecond > 0);
    FUZZ_CHECK(!config.allowedOrigins.isEmpty());
    FUZZ_CHECK(config.tlsCertificatePath.isEmpty() == config.tlsKeyPath.isEmpty());
    // Each connection's rate limit is a bucket with this rate: once empty, it waits for the next token about as
    // long as the rate says (1000 / rate ms, or as long as it can for the tiniest rates), and at least 1 ms.
    const double rate = config.limits.messagesPerSecond;
    TokenBucket bucket(rate, 1);
    FUZZ_CHECK(bucket.tryTake(0));
    const qint64 wait = bucket.msUntilToken(0);
    FUZZ_CHECK(wait >= 1 && double(wait) >= std::min(1000.0 / rate, 1e15));
    return 0;
}
