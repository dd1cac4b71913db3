#include <QTest>

class TestPlainText : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestPlainText)
#include "tst_plaintext.moc"
