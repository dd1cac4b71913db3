#pragma once

// What the soak's clients did and saw, counted across all of them for the report.

struct SoakTally
{
    long long sent = 0; // natter.v1 sends made (each id once; resends not counted)
    long long resent = 0; // sends sent again with the same id after a reconnect (flooders' not counted)
    long long resentAlreadyStored = 0; // of those, acked with a ts older than the resend: stored before the drop
    long long floodResent = 0; // flooders' sends sent again after their 1008 closes
    long long historyAsks = 0; // history pages slow readers asked for while not reading
    long long plainLines = 0; // lines posted by plain-text clients
    long long delivered = 0; // message frames received
    long long drops = 0; // connections the clients ended abruptly
    long long reconnects = 0; // welcomes after the first, by hello.since and token
    long long floodCloses = 0; // flooders closed with 1008
    long long pauses = 0; // times a slow reader stopped reading
    long long replayOverlaps = 0; // messages received again with a seq already seen (allowed)
    long long abandoned = 0; // flooders' sends never acknowledged, left when the run ended (never resent)
    // Failures:
    long long unexpectedCloses = 0; // closes nobody asked for: any but a flooder's 1008 and the clients' own
    long long seqGaps = 0; // a client missed a message of a room it stayed in
    long long sendErrors = 0; // error frames answering a send
    long long otherErrors = 0; // other error frames
    long long undecodable = 0; // frames the protocol types could not decode
};
