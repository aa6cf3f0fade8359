<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

/**
 * Nothing failed, but the invoice has to wait for something in Acumulus: a
 * concept to be made final ('concept'), or a send with an unknown outcome
 * that cannot be looked up ('uncertain': the admin resolves it).
 */
final class Waiting extends StepFailed
{
    public function __construct(string $why, ?int $docId = null, public readonly string $state = 'uncertain')
    {
        parent::__construct(null, $docId, $why);
    }
}
