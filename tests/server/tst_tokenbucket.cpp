// TokenBucket: the per-connection rate limiter, driven by explicit millisecond timestamps (no real time passes).

#include "tokenbucket.h"

#include <QTest>

#include <limits>

using Natter::TokenBucket;

namespace {

// Takes tokens at one instant until the bucket refuses; returns how many it gave.
int drain(TokenBucket &bucket, qint64 nowMs)
{
    int taken = 0;
    while (bucket.tryTake(nowMs)) {
        ++taken;
        if (taken > 1'000'000)
            break; // a broken bucket must not hang the test
    }
    return taken;
}

} // namespace

class TestTokenBucket : public QObject
{
    Q_OBJECT

private slots:
    void burstIsAvailableAtOnce_data();
    void burstIsAvailableAtOnce();
    void refillsExactlyRatePerSecond_data();
    void refillsExactlyRatePerSecond();
    void steadyTrafficGetsExactlyTheRate_data();
    void steadyTrafficGetsExactlyTheRate();
    void nextTokenArrivesAfterOnePeriod();
    void retriesDoNotDelayTheNextToken_data();
    void retriesDoNotDelayTheNextToken();
    void capacityCapsTheRefill();
    void timeGoingBackwardsAddsNoTokens();
    void fractionalRates_data();
    void fractionalRates();
    void availableDoesNotTakeTokens();
    void tinyRatesWaitLong();
};

void TestTokenBucket::burstIsAvailableAtOnce_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");
    QTest::addColumn<qint64>("firstUseMs");

    QTest::newRow("burst 30 at 0 ms") << 5.0 << 30 << qint64(0);
    QTest::newRow("burst 1") << 5.0 << 1 << qint64(1000);
    QTest::newRow("burst larger than rate") << 1.0 << 100 << qint64(123);
    QTest::newRow("rate larger than burst") << 1000.0 << 3 << qint64(50);
    // A clock that has run for a long time before the first event must not make the first burst bigger.
    QTest::newRow("first use late") << 10.0 << 8 << qint64(1'000'000'000'000);
}

void TestTokenBucket::burstIsAvailableAtOnce()
{
    QFETCH(double, rate);
    QFETCH(int, burst);
    QFETCH(qint64, firstUseMs);

    TokenBucket bucket(rate, burst);
    QCOMPARE(bucket.available(firstUseMs), double(burst));
    QCOMPARE(drain(bucket, firstUseMs), burst);
    QVERIFY(!bucket.tryTake(firstUseMs));
}

void TestTokenBucket::refillsExactlyRatePerSecond_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");

    QTest::newRow("1/s") << 1.0 << 10;
    QTest::newRow("5/s (default)") << 5.0 << 30;
    QTest::newRow("10/s") << 10.0 << 60;
    QTest::newRow("64/s") << 64.0 << 400;
    QTest::newRow("1000/s") << 1000.0 << 5000;
}

void TestTokenBucket::refillsExactlyRatePerSecond()
{
    QFETCH(double, rate);
    QFETCH(int, burst);

    TokenBucket bucket(rate, burst);
    QCOMPARE(drain(bucket, 10'000), burst);
    // One second later, exactly `rate` tokens have come back; another second brings as many again.
    QCOMPARE(drain(bucket, 11'000), int(rate));
    QCOMPARE(drain(bucket, 12'000), int(rate));
    // Five seconds at once bring five times the rate.
    QCOMPARE(drain(bucket, 17'000), int(5 * rate));
}

void TestTokenBucket::steadyTrafficGetsExactlyTheRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");
    QTest::addColumn<int>("retryEveryMs");

    QTest::newRow("5/s, burst 30, every 1 ms") << 5.0 << 30 << 1;
    QTest::newRow("5/s, burst 30, every 7 ms") << 5.0 << 30 << 7;
    QTest::newRow("5/s, burst 30, every 20 ms") << 5.0 << 30 << 20;
    QTest::newRow("10/s, burst 30, every 10 ms") << 10.0 << 30 << 10;
    QTest::newRow("100/s, burst 30, every 1 ms") << 100.0 << 30 << 1;
    QTest::newRow("0.5/s, burst 30, every 200 ms") << 0.5 << 30 << 200;
    QTest::newRow("2.5/s, burst 30, every 40 ms") << 2.5 << 30 << 40;
    QTest::newRow("5/s, burst 1, every 1 ms") << 5.0 << 1 << 1;
    // With a bucket of one token, a token due at a moment must be there at that moment: a refill that rounds to
    // just under 1.0 is refused, and the cap then throws away what the next retry adds on top.
    QTest::newRow("5/s, burst 1, every 20 ms") << 5.0 << 1 << 20;
    QTest::newRow("10/s, burst 1, every 10 ms") << 10.0 << 1 << 10;
    QTest::newRow("2.5/s, burst 1, every 40 ms") << 2.5 << 1 << 40;
    QTest::newRow("0.5/s, burst 1, every 200 ms") << 0.5 << 1 << 200;
}

void TestTokenBucket::steadyTrafficGetsExactlyTheRate()
{
    QFETCH(double, rate);
    QFETCH(int, burst);
    QFETCH(int, retryEveryMs);

    // A sender that keeps retrying gets the burst, then the rate: 50 tokens in 50 periods, not one more or less.
    TokenBucket bucket(rate, burst);
    QCOMPARE(drain(bucket, 0), burst);
    const double periodMs = 1000.0 / rate;
    // The window runs half a period longer so that rounding cannot hide the 50th token, and ends well before
    // the 51st is due.
    const auto endMs = qint64(50 * periodMs + periodMs / 2);
    int taken = 0;
    for (qint64 now = retryEveryMs; now <= endMs; now += retryEveryMs) {
        if (bucket.tryTake(now))
            ++taken;
    }
    QCOMPARE(taken, 50);
}

void TestTokenBucket::nextTokenArrivesAfterOnePeriod()
{
    // 4 per second: one token every 250 ms, an exact binary fraction, so the boundary can be tested exactly.
    TokenBucket bucket(4.0, 2);
    QCOMPARE(drain(bucket, 1000), 2);
    // available() asks without taking, so the refusals just before each boundary leave the arithmetic exact.
    QVERIFY(bucket.available(1249) < 1.0);
    QVERIFY(bucket.tryTake(1250));
    QVERIFY(!bucket.tryTake(1250));
    QVERIFY(bucket.available(1499) < 1.0);
    QVERIFY(bucket.tryTake(1500));
    QVERIFY(!bucket.tryTake(1500));
}

void TestTokenBucket::retriesDoNotDelayTheNextToken_data()
{
    QTest::addColumn<int>("burst");

    QTest::newRow("burst 1") << 1;
    QTest::newRow("burst 30") << 30;
}

void TestTokenBucket::retriesDoNotDelayTheNextToken()
{
    QFETCH(int, burst);

    // 10 per second: the next token is due 100 ms after the bucket ran dry, however often the sender asked before.
    TokenBucket bucket(10.0, burst);
    QCOMPARE(drain(bucket, 0), burst);
    for (qint64 now = 10; now < 100; now += 10)
        QVERIFY2(!bucket.tryTake(now), qPrintable(QStringLiteral("a token at %1 ms").arg(now)));
    QVERIFY(bucket.tryTake(100));
    QVERIFY(!bucket.tryTake(100));
}

void TestTokenBucket::capacityCapsTheRefill()
{
    TokenBucket bucket(10.0, 3);
    QCOMPARE(drain(bucket, 0), 3);
    // An hour of silence refills the bucket to its capacity, not to 36 000 tokens.
    const qint64 anHourLater = qint64(60) * 60 * 1000;
    QCOMPARE(bucket.available(anHourLater), 3.0);
    QCOMPARE(drain(bucket, anHourLater), 3);

    // A partly used bucket also stops at the capacity.
    TokenBucket partly(10.0, 3);
    QVERIFY(partly.tryTake(0));
    QCOMPARE(partly.available(10'000), 3.0);
    QCOMPARE(drain(partly, 10'000), 3);
}

void TestTokenBucket::timeGoingBackwardsAddsNoTokens()
{
    TokenBucket bucket(10.0, 2); // one token every 100 ms
    QCOMPARE(drain(bucket, 10'000), 2);

    // The clock jumps back: nothing is refilled, neither now nor when it returns to where it was.
    QCOMPARE(bucket.available(5'000), 0.0);
    QVERIFY(!bucket.tryTake(5'000));
    QVERIFY(!bucket.tryTake(9'999));
    QVERIFY(!bucket.tryTake(10'000));

    // Refilling resumes from the latest time seen (10 000), not from the earlier one the clock jumped to.
    QVERIFY(bucket.available(10'099) < 1.0);
    QVERIFY(bucket.tryTake(10'100));
    QVERIFY(!bucket.tryTake(10'100));

    // A jump back after a long pause keeps the tokens already earned, and adds none.
    QCOMPARE(bucket.available(20'000), 2.0);
    QVERIFY(bucket.tryTake(20'000));
    QCOMPARE(bucket.available(15'000), 1.0);
    QCOMPARE(drain(bucket, 15'000), 1);
}

void TestTokenBucket::fractionalRates_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("periodMs"); // time for one token, exact in binary floating point

    QTest::newRow("0.5/s") << 0.5 << qint64(2000);
    QTest::newRow("0.25/s") << 0.25 << qint64(4000);
    QTest::newRow("2.5/s") << 2.5 << qint64(400);
    QTest::newRow("0.125/s") << 0.125 << qint64(8000);
}

void TestTokenBucket::fractionalRates()
{
    QFETCH(double, rate);
    QFETCH(qint64, periodMs);

    TokenBucket bucket(rate, 1);
    QVERIFY(bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(0));
    // Half a period gives half a token, which is not enough.
    QCOMPARE(bucket.available(periodMs / 2), 0.5);
    QVERIFY(bucket.available(periodMs - 1) < 1.0);
    QVERIFY(bucket.tryTake(periodMs));
    QVERIFY(!bucket.tryTake(periodMs));
    // Two periods of silence bring two tokens if the bucket holds them; this one holds one.
    QCOMPARE(bucket.available(3 * periodMs), 1.0);
}

void TestTokenBucket::availableDoesNotTakeTokens()
{
    TokenBucket bucket(1.0, 2);
    QCOMPARE(bucket.available(0), 2.0);
    QCOMPARE(bucket.available(0), 2.0);
    QVERIFY(bucket.tryTake(0));
    QCOMPARE(bucket.available(0), 1.0);
    QCOMPARE(bucket.available(500), 1.5);
    QCOMPARE(bucket.available(0), 1.0); // asking about an earlier time changes nothing
    QCOMPARE(drain(bucket, 0), 1);
}

// A config file may set any positive rate; the wait for the next token must stay a long positive time, never
// overflow (found by fuzz_serverconfig, which runs a bucket with each config that loads).
void TestTokenBucket::tinyRatesWaitLong()
{
    for (const double rate : {1e-6, 1e-12, 1e-300, std::numeric_limits<double>::denorm_min()}) {
        TokenBucket bucket(rate, 1);
        QVERIFY(bucket.tryTake(0));
        QVERIFY2(bucket.msUntilToken(0) >= qint64(1e9), qPrintable(QString::number(rate)));
        QVERIFY(bucket.msUntilToken(1000) >= qint64(1e8));
    }
}

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
