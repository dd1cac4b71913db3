<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Natter::ChatClient</name>
    <message>
        <source>%1 is not a Natter server.</source>
        <translation>%1 ist kein Natter-Server.</translation>
    </message>
    <message>
        <source>You signed in to this server from somewhere else.</source>
        <translation>Du hast dich an anderer Stelle bei diesem Server angemeldet.</translation>
    </message>
    <message>
        <source>The server refused the password.</source>
        <translation>Der Server hat das Passwort abgelehnt.</translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Senden (Eingabetaste). Umschalt+Eingabetaste beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Bytes over the limit: %1</source>
        <translation>Bytes über dem Limit: %1</translation>
    </message>
    <message>
        <source>Bytes left: %1</source>
        <translation>Verbleibende Bytes: %1</translation>
    </message>
</context>
<context>
    <name>Natter::HostController</name>
    <message>
        <source>The previous server is still stopping.</source>
        <translation>Der vorherige Server wird noch beendet.</translation>
    </message>
    <message>
        <source>A chat is already hosted.</source>
        <translation>Es wird bereits ein Chat gehostet.</translation>
    </message>
    <message>
        <source>Port %1 was not available, so this chat uses port %2 instead.</source>
        <translation>Port %1 war nicht verfügbar, daher nutzt dieser Chat stattdessen Port %2.</translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation>Hosten konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>Natter::Launcher</name>
    <message>
        <source>%1&apos;s chat</source>
        <translation>Chat von %1</translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation>Hosten konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
    </message>
    <message>
        <source>%1 Pick another name.</source>
        <translation>%1 Wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>Falsches Passwort für %1.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Natter is still hosting</source>
        <translation>Natter hostet weiterhin</translation>
    </message>
    <message>
        <source>Others can keep chatting. Use Quit in the tray menu to stop hosting.</source>
        <translation>Die anderen können weiterchatten. Um das Hosten zu beenden, wähle „Beenden“ im Menü des Infobereichs.</translation>
    </message>
    <message>
        <source>Stop Hosting</source>
        <translation>Hosten beenden</translation>
    </message>
    <message>
        <source>Everyone connected to this computer will be disconnected. Stop hosting?</source>
        <translation>Alle, die mit diesem Computer verbunden sind, werden getrennt. Hosten beenden?</translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Raum beitreten oder erstellen…</translation>
    </message>
    <message>
        <source>Double-click someone to write to them directly.</source>
        <translation>Doppelklicke auf eine Person, um ihr direkt zu schreiben.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Join or Create Room…</source>
        <translation>&amp;Raum beitreten oder erstellen…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Set &amp;Topic…</source>
        <translation>&amp;Thema festlegen…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Direct Message…</source>
        <translation>&amp;Direktnachricht…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Change &amp;Name…</source>
        <translation>&amp;Namen ändern…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Copy Share Address</source>
        <translation>Adresse zum Teilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Hosten beenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the address others can join at</source>
        <translation>Adresse kopieren, unter der andere beitreten können</translation>
    </message>
    <message>
        <source>Others can join at %1</source>
        <translation>Andere können unter %1 beitreten</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Adresse kopiert.</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation>%1 — Natter</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting… Nothing you write is lost.</source>
        <translation>Verbindung unterbrochen — wird wiederhergestellt… Was du schreibst, geht nicht verloren.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Join or Create Room</source>
        <translation>Raum beitreten oder erstellen</translation>
    </message>
    <message>
        <source>Room name (lower-case letters, digits, - and _):</source>
        <translation>Raumname (Kleinbuchstaben, Ziffern, - und _):</translation>
    </message>
    <message>
        <source>Set Topic</source>
        <translation>Thema festlegen</translation>
    </message>
    <message>
        <source>Topic of #%1:</source>
        <translation>Thema von #%1:</translation>
    </message>
    <message>
        <source>Direct Message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Write directly to:</source>
        <translation>Direkt schreiben an:</translation>
    </message>
</context>
<context>
    <name>Natter::MemberDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>%1 — typing…</source>
        <translation>%1 — schreibt…</translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>Natter::MessageLayout</name>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent — click to retry</source>
        <translation>Nicht gesendet — zum Wiederholen klicken</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag hallo!</translation>
    </message>
</context>
<context>
    <name>Natter::NameDialog</name>
    <message>
        <source>Choose a name</source>
        <translation>Namen wählen</translation>
    </message>
    <message>
        <source>What should others call you?</source>
        <translation>Wie sollen andere dich nennen?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>Natter::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Notify me of direct messages</source>
        <translation>Bei Direktnachrichten benachrichtigen</translation>
    </message>
    <message>
        <source>Notify me when someone mentions my name</source>
        <translation>Benachrichtigen, wenn jemand meinen Namen erwähnt</translation>
    </message>
    <message>
        <source>Keep hosting in the tray when I close the window</source>
        <translation>Beim Schließen des Fensters im Infobereich weiter hosten</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation>Hosten</translation>
    </message>
</context>
<context>
    <name>Natter::RoomListModel</name>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
</context>
<context>
    <name>Natter::StartDialog</name>
    <message>
        <source>Start chatting</source>
        <translation>Loslegen</translation>
    </message>
    <message>
        <source>Host a chat on this computer</source>
        <translation>Chat auf diesem Computer hosten</translation>
    </message>
    <message>
        <source>Others on your network can join. You&apos;ll get an address to share.</source>
        <translation>Andere in deinem Netzwerk können beitreten. Du erhältst eine Adresse zum Teilen.</translation>
    </message>
    <message>
        <source>Host a Chat</source>
        <translation>Chat hosten</translation>
    </message>
    <message>
        <source>Join by URL</source>
        <translation>Per URL beitreten</translation>
    </message>
    <message>
        <source>Only if the host set one</source>
        <translation>Nur, falls der Host eines festgelegt hat</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Connects to %1</source>
        <translation>Verbindet mit %1</translation>
    </message>
    <message>
        <source>Type the address the host shared with you.</source>
        <translation>Gib die Adresse ein, die der Host mit dir geteilt hat.</translation>
    </message>
    <message>
        <source>An address cannot contain spaces.</source>
        <translation>Eine Adresse darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Chat addresses start with ws:// or wss://, not %1://.</source>
        <translation>Chat-Adressen beginnen mit ws:// oder wss://, nicht mit %1://.</translation>
    </message>
    <message>
        <source>Leave names and passwords out of the address; use the password field.</source>
        <translation>Lass Namen und Passwörter in der Adresse weg; nutze das Passwortfeld.</translation>
    </message>
    <message>
        <source>That is not a valid IPv6 address.</source>
        <translation>Das ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>Put IPv6 addresses in brackets, such as ws://[fe80::1]:8642.</source>
        <translation>Setze IPv6-Adressen in eckige Klammern, z. B. ws://[fe80::1]:8642.</translation>
    </message>
    <message>
        <source>The address needs a computer name or IP address, such as 192.168.1.20.</source>
        <translation>Die Adresse braucht einen Computernamen oder eine IP-Adresse, z. B. 192.168.1.20.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid computer name or IP address.</source>
        <translation>„%1“ ist weder ein gültiger Computername noch eine gültige IP-Adresse.</translation>
    </message>
    <message>
        <source>That is not a valid address.</source>
        <translation>Das ist keine gültige Adresse.</translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Natter anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n ungelesene Nachricht</numerusform>
            <numerusform>Natter — %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
</context>
<context>
    <name>Natter::Validation</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation>Der Name darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>A name must be valid Unicode text.</source>
        <translation>Der Name muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>Der Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A name cannot contain control, formatting or invisible characters (U+%1).</source>
        <translation>Der Name darf keine Steuer-, Formatierungs- oder unsichtbaren Zeichen enthalten (U+%1).</translation>
    </message>
    <message>
        <source>A room name is 1 to 32 lower-case letters, digits, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Ein Raumname besteht aus 1 bis 32 Kleinbuchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Die Nachricht darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A message must be valid Unicode text.</source>
        <translation>Die Nachricht muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A message cannot contain control characters other than line breaks and tabs.</source>
        <translation>Die Nachricht darf außer Zeilenumbrüchen und Tabulatoren keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A message can be at most %1 bytes long.</source>
        <translation>Die Nachricht darf höchstens %1 Bytes lang sein.</translation>
    </message>
    <message>
        <source>A topic must be valid Unicode text.</source>
        <translation>Das Thema muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A topic can have at most %1 characters.</source>
        <translation>Das Thema darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A topic is one line without control characters.</source>
        <translation>Das Thema muss eine einzelne Zeile ohne Steuerzeichen sein.</translation>
    </message>
    <message>
        <source>A message id is 1 to %1 characters.</source>
        <translation>Eine Nachrichten-ID ist 1 bis %1 Zeichen lang.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat on your network without signing up.</source>
        <translation>Chatte in deinem Netzwerk, ohne dich zu registrieren.</translation>
    </message>
    <message>
        <source>Your name in the chat.</source>
        <translation>Dein Name im Chat.</translation>
    </message>
    <message>
        <source>Host a chat on this computer right away.</source>
        <translation>Sofort einen Chat auf diesem Computer hosten.</translation>
    </message>
    <message>
        <source>Join the chat at URL.</source>
        <translation>Dem Chat unter URL beitreten.</translation>
    </message>
</context>
</TS>
