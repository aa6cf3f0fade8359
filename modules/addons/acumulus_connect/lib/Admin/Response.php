<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

/**
 * What an admin request produces: HTML for WHMCS to wrap in its page, or a
 * JSON answer for the page's own scripts (the batch progress), which must
 * leave WHMCS's page out.
 */
final class Response
{
    private function __construct(
        public readonly string $type,
        public readonly string $body,
        public readonly int $status = 200,
        public readonly mixed $data = null,
    ) {
    }

    public static function html(string $html): self
    {
        return new self('html', $html);
    }

    /** @param array<string, mixed> $data */
    public static function json(array $data, int $status = 200): self
    {
        return new self('json', json_encode($data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_HEX_TAG
            | JSON_HEX_AMP | JSON_THROW_ON_ERROR), $status, $data);
    }

    public function isJson(): bool
    {
        return $this->type === 'json';
    }

    /**
     * Sends a JSON answer on its own: whatever WHMCS buffered so far is
     * dropped, and the request ends here (WHMCS would otherwise wrap it in
     * its admin page). HTML is echoed for WHMCS to wrap.
     */
    public function send(): void
    {
        if ($this->type !== 'json') {
            echo $this->body;
            return;
        }
        while (ob_get_level() > 0) {
            ob_end_clean();
        }
        if (!headers_sent()) {
            http_response_code($this->status);
            header('Content-Type: application/json; charset=utf-8');
            header('Cache-Control: no-store');
            header('X-Content-Type-Options: nosniff');
        }
        echo $this->body;
        exit;
    }
}
