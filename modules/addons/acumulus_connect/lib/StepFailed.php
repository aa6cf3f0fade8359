<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use RuntimeException;
use Throwable;

/** A step of a plan failed; carries the cause and the document it concerns. */
class StepFailed extends RuntimeException
{
    public function __construct(?Throwable $cause, public readonly ?int $docId, string $message = '')
    {
        parent::__construct($message !== '' ? $message : ($cause?->getMessage() ?? 'step failed'), 0, $cause);
    }
}
