<?php

declare(strict_types=1);

namespace AcuSim\Tests;

/** One HTTP answer of the simulator, with its body decoded when it is JSON or XML. */
final class ApiResult
{
    public function __construct(
        public readonly int $http,
        public readonly string $contentType,
        public readonly string $body,
        public readonly int $curlErrno = 0,
        public readonly string $curlError = '',
        public readonly int $connects = 0,
    ) {
    }

    public function isJson(): bool
    {
        return str_starts_with($this->contentType, 'application/json');
    }

    public function isXml(): bool
    {
        return str_starts_with($this->contentType, 'text/xml');
    }

    /** The body as nested arrays: JSON decoded (objects as arrays, {} as []) or XML converted likewise. */
    public function data(): array
    {
        if ($this->isJson()) {
            $d = json_decode($this->body, true, 512, JSON_THROW_ON_ERROR);
            return is_array($d) ? $d : [];
        }
        if ($this->isXml()) {
            return self::xmlToArray($this->xml());
        }
        throw new \RuntimeException('not an API body: ' . $this->contentType);
    }

    public function xml(): \SimpleXMLElement
    {
        $x = simplexml_load_string($this->body, \SimpleXMLElement::class, LIBXML_NONET);
        if ($x === false) {
            throw new \RuntimeException('not XML');
        }
        return $x;
    }

    private static function xmlToArray(\SimpleXMLElement $el): array
    {
        $out = [];
        foreach ($el->children() as $name => $child) {
            $v = $child->count() > 0 ? self::xmlToArray($child) : (string) $child;
            if ($v === '') {
                $v = [];
            }
            if (array_key_exists($name, $out)) {
                if (!is_array($out[$name]) || !array_is_list($out[$name]) || $out[$name] === []) {
                    $out[$name] = [$out[$name]];
                }
                $out[$name][] = $v;
            } else {
                $out[$name] = $v;
            }
        }
        return $out;
    }

    public function status(): string
    {
        return (string) ($this->data()['status'] ?? '');
    }

    /** Errors (or warnings) as a list, whether the body held one object or an array. */
    public function messages(string $kind = 'errors'): array
    {
        $block = $this->data()[$kind] ?? [];
        $item = $block[$kind === 'errors' ? 'error' : 'warning'] ?? null;
        if ($item === null || $item === []) {
            return [];
        }
        return array_is_list($item) ? $item : [$item];
    }

    public function codetags(string $kind = 'errors'): array
    {
        return array_column($this->messages($kind), 'codetag');
    }
}
