<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Natter::Composer</name>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n character too many</numerusform>
            <numerusform>%n characters too many</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::ConversationHeader</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) when last connected</source>
        <translation>
            <numerusform>%n member when last connected</numerusform>
            <numerusform>%n members when last connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::ReactionChips</name>
    <message numerus="yes">
        <source>%1 reacted with %2 and %n more</source>
        <translation>
            <numerusform>%1 and %n other reacted with %2</numerusform>
            <numerusform>%1 and %n others reacted with %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reacted with %1</source>
        <translation>
            <numerusform>%n person reacted with %1</numerusform>
            <numerusform>%n people reacted with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This message has %n different reactions, the most the server allows. Add yours to one of them.</source>
        <translation>
            <numerusform>This message has %n different reaction, the most the server allows. Add yours to it.</numerusform>
            <numerusform>This message has %n different reactions, the most the server allows. Add yours to one of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryDelegate</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::RoomListModel</name>
    <message numerus="yes">
        <source>%1, %n unread, mentioned</source>
        <translation>
            <numerusform>%1, %n unread, mentioned</numerusform>
            <numerusform>%1, %n unread, mentioned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::SearchPanel</name>
    <message numerus="yes">
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n message found.</numerusform>
            <numerusform>%n messages found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::ServerSocket</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 did not answer within %n second.</numerusform>
            <numerusform>%1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n unread</numerusform>
            <numerusform>Natter — %n unread</numerusform>
        </translation>
    </message>
</context>
</TS>
