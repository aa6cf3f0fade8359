<?php

declare(strict_types=1);

namespace AcuSim;

/** The server log (server.log in the state directory). Never gets a password: callers pass no request bodies. */
final class Log
{
    /** @var resource|null */
    private $fh;

    public function __construct(?string $file, private readonly bool $access = true)
    {
        $fh = $file === null ? null : fopen($file, 'ab');
        $this->fh = $fh === false ? null : $fh;
    }

    public function write(string $line): void
    {
        if ($this->fh !== null) {
            fwrite($this->fh, date('Y-m-d H:i:s') . ' ' . $line . "\n");
        }
    }

    public function access(string $line): void
    {
        if ($this->access) {
            $this->write($line);
        }
    }
}
