<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Natter::ChatClient</name>
    <message>
        <source>%1 is not a Natter server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in to this server from somewhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::HostController</name>
    <message>
        <source>The previous server is still stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chat is already hosted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 was not available, so this chat uses port %2 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Launcher</name>
    <message>
        <source>%1&apos;s chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natter is still hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others can keep chatting. Use Quit in the tray menu to stop hosting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone connected to this computer will be disconnected. Stop hosting?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click someone to write to them directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join or Create Room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direct Message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Share Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the address others can join at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others can join at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost — reconnecting… Nothing you write is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join or Create Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room name (lower-case letters, digits, - and _):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic of #%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write directly to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::MemberDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — typing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — click to retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>New messages ↓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::NameDialog</name>
    <message>
        <source>Choose a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should others call you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me of direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me when someone mentions my name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep hosting in the tray when I close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::RoomListModel</name>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::StartDialog</name>
    <message>
        <source>Start chatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a chat on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others on your network can join. You&apos;ll get an address to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join by URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the host set one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the address the host shared with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat addresses start with ws:// or wss://, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave names and passwords out of the address; use the password field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put IPv6 addresses in brackets, such as ws://[fe80::1]:8642.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address needs a computer name or IP address, such as 192.168.1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid computer name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Natter::Validation</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name must be valid Unicode text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot contain control, formatting or invisible characters (U+%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A room name is 1 to 32 lower-case letters, digits, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message must be valid Unicode text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message cannot contain control characters other than line breaks and tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message can be at most %1 bytes long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A topic must be valid Unicode text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A topic can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A topic is one line without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message id is 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat on your network without signing up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name in the chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a chat on this computer right away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the chat at URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
