<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * One API answer: the main part, echoed input, errors and warnings, written
 * as XML (the default) or as the JSON the real service derives from that XML.
 *
 * Tree convention for the main part and echoed fields: a string is a text
 * element ('' = empty element), an associative array holds child elements in
 * order, a list (array_is_list) under a key repeats that element; an empty
 * list writes nothing. JSON is made from the XML document with the service's
 * quirks: every scalar a string, an empty element {}, one repeated element an
 * object rather than a one-item array (acumulus-api.md §2.2).
 */
final class Reply
{
    public ?string $mainKey = null;
    public array|string|null $main = null;
    /** @var array<string, array|string> top-level fields next to the basic response */
    public array $echo = [];
    /** @var list<array{code: string, codetag: string, message: string, http: int}> */
    public array $errors = [];
    public array $warnings = [];
    /** Forces the status (3 = exception). */
    public ?int $status = null;
    /** HTTP status override; otherwise derived from the first error. */
    public ?int $http = null;

    public function status(): int
    {
        if ($this->status !== null) {
            return $this->status;
        }
        if ($this->errors !== []) {
            return 1;
        }
        return $this->warnings !== [] ? 2 : 0;
    }

    public function httpStatus(): int
    {
        if ($this->http !== null) {
            return $this->http;
        }
        return $this->errors !== [] ? $this->errors[0]['http'] : 200;
    }

    public function toDom(bool $withMain = true): \DOMDocument
    {
        $doc = new \DOMDocument('1.0', 'UTF-8');
        $root = $doc->appendChild($doc->createElement('response'));
        foreach ($this->echo as $k => $v) {
            self::append($doc, $root, $k, $v);
        }
        if ($withMain && $this->mainKey !== null && $this->main !== null) {
            self::append($doc, $root, $this->mainKey, $this->main);
        }
        $blocks = ['errors' => ['error', $this->errors], 'warnings' => ['warning', $this->warnings]];
        foreach ($blocks as $key => [$item, $list]) {
            $el = $root->appendChild($doc->createElement($key));
            foreach ($list as $m) {
                $fields = ['code' => $m['code'], 'codetag' => $m['codetag'], 'message' => $m['message']];
                self::append($doc, $el, $item, $fields);
            }
            self::append($doc, $el, 'count_' . $key, (string) count($list));
        }
        self::append($doc, $root, 'status', (string) $this->status());
        return $doc;
    }

    public function body(string $format, bool $withMain = true): string
    {
        $doc = $this->toDom($withMain);
        return $format === 'json' ? self::domToJson($doc) : $doc->saveXML();
    }

    public static function contentType(string $format): string
    {
        return $format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
    }

    private static function append(\DOMDocument $doc, \DOMNode $parent, string $name, array|string|null $value): void
    {
        if ($value === null) {
            return;
        }
        if (is_array($value) && array_is_list($value)) {
            foreach ($value as $item) {
                self::append($doc, $parent, $name, $item);
            }
            return;
        }
        $el = $parent->appendChild($doc->createElement($name));
        if (is_string($value)) {
            if ($value !== '') {
                $el->appendChild($doc->createTextNode($value));
            }
            return;
        }
        foreach ($value as $k => $v) {
            self::append($doc, $el, (string) $k, $v);
        }
    }

    /** JSON as the service derives it from its XML answer. */
    public static function domToJson(\DOMDocument $doc): string
    {
        return json_encode(self::elementToJson($doc->documentElement), JSON_THROW_ON_ERROR);
    }

    private static function elementToJson(\DOMElement $el): array|string|\stdClass
    {
        $out = [];
        $multi = [];
        $hasChildren = false;
        foreach ($el->childNodes as $child) {
            if (!$child instanceof \DOMElement) {
                continue;
            }
            $hasChildren = true;
            $name = $child->nodeName;
            $value = self::elementToJson($child);
            if (!array_key_exists($name, $out)) {
                $out[$name] = $value;
            } elseif (isset($multi[$name])) {
                $out[$name][] = $value;
            } else {
                $out[$name] = [$out[$name], $value];
                $multi[$name] = true;
            }
        }
        if (!$hasChildren) {
            $text = $el->textContent;
            return $text === '' ? new \stdClass() : $text;
        }
        return $out;
    }
}
