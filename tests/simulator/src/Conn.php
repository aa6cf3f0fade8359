<?php

declare(strict_types=1);

namespace AcuSim;

/** One client connection of the HttpServer. */
final class Conn
{
    public const HANDSHAKE = 'handshake';
    public const READ = 'read';
    public const BUSY = 'busy';
    public const WRITE = 'write';
    public const HANG = 'hang';
    public const CLOSED = 'closed';

    public string $state = self::READ;
    public ?\Socket $sock = null;
    public string $in = '';
    public string $out = '';
    /** How much of $out was written already. */
    public int $outPos = 0;
    public int $requests = 0;
    public bool $keepAlive = true;
    public bool $closeAfter = false;
    public bool $continueSent = false;
    public bool $cryptoStarted = false;
    public bool $inFlight = false;
    public bool $head = false;
    /** Accepted on the control port. */
    public bool $control = false;
    /** Certificate file of a TLS fault, null for the normal one. */
    public ?string $cert = null;
    public ?Outcome $outcome = null;
    /** Bumped when a request is over, so that a stale latency timer does nothing. */
    public int $generation = 0;
    public float $opened;
    public float $last;

    /** @param resource $stream */
    public function __construct(public readonly int $id, public $stream)
    {
        $this->opened = $this->last = microtime(true);
    }
}
