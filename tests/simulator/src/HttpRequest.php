<?php

declare(strict_types=1);

namespace AcuSim;

final class HttpRequest
{
    /**
     * @param array<string, string> $headers lower-case names
     */
    public function __construct(
        public readonly string $method,
        public readonly string $target,
        public readonly string $version,
        public readonly array $headers,
        public readonly string $body,
    ) {
    }

    public function path(): string
    {
        $p = parse_url('http://h' . $this->target, PHP_URL_PATH);
        return is_string($p) ? rawurldecode($p) : '/';
    }

    public function query(): array
    {
        $q = parse_url('http://h' . $this->target, PHP_URL_QUERY);
        $out = [];
        if (is_string($q)) {
            parse_str($q, $out);
        }
        return $out;
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    /** Form fields of the body: application/x-www-form-urlencoded or multipart/form-data. */
    public function form(): array
    {
        $type = strtolower($this->header('content-type') ?? '');
        if (str_starts_with($type, 'application/x-www-form-urlencoded')) {
            $out = [];
            parse_str($this->body, $out);
            return $out;
        }
        if (
            str_starts_with($type, 'multipart/form-data')
            && preg_match('/boundary=(?:"([^"]+)"|([^;\s]+))/i', $this->header('content-type') ?? '', $m) === 1
        ) {
            return self::multipart($this->body, $m[1] !== '' ? $m[1] : $m[2]);
        }
        return [];
    }

    private static function multipart(string $body, string $boundary): array
    {
        $out = [];
        $parts = explode("\r\n--" . $boundary, "\r\n" . $body);
        array_shift($parts); // preamble
        foreach ($parts as $part) {
            if (str_starts_with($part, '--')) {
                break; // closing delimiter
            }
            $part = preg_replace('/^[ \t]*\r\n/', '', $part, 1) ?? '';
            $split = strpos($part, "\r\n\r\n");
            if ($split === false) {
                continue;
            }
            $head = substr($part, 0, $split);
            $value = substr($part, $split + 4);
            if (preg_match('/^content-disposition:.*?\bname="([^"]*)"/im', $head, $m) === 1) {
                $out[$m[1]] = $value;
            }
        }
        return $out;
    }
}
