<?php

declare(strict_types=1);

namespace WhmcsSandbox;

/**
 * Template emails, as far as hooks see them: EmailPreSend runs before each
 * one (a hook may return ['abortsend' => true]), and the sandbox records what
 * would have been sent. Nothing is delivered; no mail body is rendered.
 */
final class Emails
{
    /** @var list<array{template:string,relid:int,sent:bool,time:string}> */
    private array $sent = [];

    public function __construct(private readonly Sandbox $sb)
    {
    }

    /** @param array<string,mixed> $mergeFields */
    public function send(string $template, int $relid, array $mergeFields = []): bool
    {
        $results = $this->sb->hooks()->run('EmailPreSend', [
            'messagename' => $template,
            'relid' => $relid,
            'mergefields' => $mergeFields,
        ]);
        $abort = false;
        foreach ($results as $r) {
            if (is_array($r) && !empty($r['abortsend'])) {
                $abort = true;
            }
        }
        $this->sent[] = ['template' => $template, 'relid' => $relid, 'sent' => !$abort,
            'time' => $this->sb->clock->datetime()];
        return !$abort;
    }

    /** @return list<array{template:string,relid:int,sent:bool,time:string}> */
    public function all(): array
    {
        return $this->sent;
    }

    public function clear(): void
    {
        $this->sent = [];
    }
}
