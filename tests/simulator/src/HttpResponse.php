<?php

declare(strict_types=1);

namespace AcuSim;

final class HttpResponse
{
    private const REASONS = [
        100 => 'Continue', 200 => 'OK', 400 => 'Bad Request', 403 => 'Forbidden', 404 => 'Not Found',
        405 => 'Method Not Allowed', 408 => 'Request Timeout', 411 => 'Length Required', 413 => 'Content Too Large',
        429 => 'Too Many Requests', 431 => 'Request Header Fields Too Large', 500 => 'Internal Server Error',
        501 => 'Not Implemented', 502 => 'Bad Gateway', 503 => 'Service Unavailable', 504 => 'Gateway Timeout',
    ];

    /** @param array<string, string> $headers */
    public function __construct(public int $status, public array $headers, public string $body)
    {
    }

    public static function reason(int $status): string
    {
        return self::REASONS[$status] ?? 'Unknown';
    }

    /**
     * An HTML error page as a web server or load balancer writes it. Only
     * fixed text goes in; nothing from the request is echoed.
     */
    public static function html(int $status, string $server = 'Apache', array $extraHeaders = []): self
    {
        $reason = self::reason($status);
        $title = $status . ' ' . $reason;
        $text = match ($status) {
            404 => 'The requested URL was not found on this server.',
            405 => 'The requested method is not allowed for this URL.',
            413 => 'The request body is larger than the server accepts.',
            429 => 'Too many requests. Please slow down and try again later.',
            502 => 'The proxy server received an invalid response from an upstream server.',
            503 => 'The server is temporarily unable to service your request. Please try again later.',
            504 => 'The upstream server did not answer in time.',
            default => 'The server encountered an internal error and was unable to complete your request.',
        };
        $body = "<!DOCTYPE html>\n<html><head><title>" . htmlspecialchars($title, ENT_QUOTES | ENT_HTML5, 'UTF-8')
            . "</title></head>\n<body><h1>" . htmlspecialchars($reason, ENT_QUOTES | ENT_HTML5, 'UTF-8') . '</h1><p>'
            . htmlspecialchars($text, ENT_QUOTES | ENT_HTML5, 'UTF-8') . "</p>\n<hr><address>"
            . htmlspecialchars($server, ENT_QUOTES | ENT_HTML5, 'UTF-8') . "</address></body></html>\n";
        $headers = ['Server' => $server, 'Content-Type' => 'text/html; charset=iso-8859-1'] + $extraHeaders;
        return new self($status, $headers, $body);
    }

    public static function json(int $status, mixed $data): self
    {
        return new self(
            $status,
            ['Content-Type' => 'application/json; charset=utf-8'],
            json_encode(
                $data,
                JSON_THROW_ON_ERROR | JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            ) . "\n"
        );
    }
}
