<?php

declare(strict_types=1);

namespace AcuSim;

/** What the transport does with a handled request. */
final class Outcome
{
    public const SEND = 'send';
    public const RESET = 'reset';
    public const HANG = 'hang';
    public const TRUNCATE = 'truncate';
    public const DROP = 'drop';

    public function __construct(
        public readonly string $action,
        public readonly ?HttpResponse $response = null,
        public readonly int $delayMs = 0,
        public readonly ?int $bytes = null,
        public readonly string $endpoint = '',
    ) {
    }
}
