#pragma once

// Turns SIGINT and SIGTERM into a Qt signal, delivered in the event loop where it is safe to act on.

#include <QObject>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace Natter {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    // Starts watching the given signals; false if the pipe or the handler could not be set up.
    bool watch(std::initializer_list<int> signalNumbers);

signals:
    void signalReceived(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Natter
