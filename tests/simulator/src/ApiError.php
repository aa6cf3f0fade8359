<?php

declare(strict_types=1);

namespace AcuSim;

/** An API-level error: ends the call with one error in the basic response. */
final class ApiError extends \RuntimeException
{
    /**
     * @param string $key Messages key (codetag, optionally ".variant")
     * @param array $args sprintf arguments of the message
     * @param array $echo input fields echoed at the top level of the response
     */
    public function __construct(
        public readonly string $key,
        public readonly array $args = [],
        public readonly array $echo = [],
    ) {
        parent::__construct($key);
    }
}
