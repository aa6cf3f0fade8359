<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use RuntimeException;

/**
 * WHMCS ends the request (it prints a message and exits), e.g. check_token()
 * with a bad token. The sandbox throws this instead of exiting; the admin page
 * renderer turns it into the page.
 */
final class RequestEnded extends RuntimeException
{
    public function __construct(string $message, public readonly int $status = 403)
    {
        parent::__construct($message);
    }
}
