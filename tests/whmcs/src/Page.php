<?php

declare(strict_types=1);

namespace WhmcsSandbox;

/** One rendered admin page: the HTTP status, the whole HTML, and the addon's own parts. */
final class Page
{
    /** @param array<string,string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly string $html,
        public readonly string $output = '',
        public readonly string $sidebar = '',
        public readonly array $headers = [],
    ) {
    }
}
