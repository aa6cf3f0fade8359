<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * One API call being handled: the parsed request, who made it and the reply
 * under construction.
 */
final class Call
{
    public ?array $contract = null;
    public ?array $user = null;
    public Reply $reply;
    public bool $rollback = false;

    public function __construct(
        public readonly string $endpoint,
        public readonly ?\DOMElement $root,
        public readonly array $vars,
        public readonly string $format,
        public readonly string $lang,
        public readonly bool $testmode,
        public readonly string $today,
    ) {
        $this->reply = new Reply();
    }

    public function contractCode(): string
    {
        return (string) $this->contract['contractcode'];
    }

    /** A top-level request field: the XML value wins over a GET/POST variable (acumulus-api.md §1.2). */
    public function field(string $name): ?string
    {
        $v = $this->root === null ? null : self::text($this->root, $name);
        if ($v === null && isset($this->vars[$name]) && is_string($this->vars[$name])) {
            $v = $this->vars[$name];
        }
        return $v;
    }

    public function warn(string $key, array $args = []): void
    {
        $this->reply->warnings[] = Messages::get($key, $this->lang, $args);
    }

    public static function child(?\DOMElement $parent, string $name): ?\DOMElement
    {
        if ($parent === null) {
            return null;
        }
        foreach ($parent->childNodes as $c) {
            if ($c instanceof \DOMElement && $c->nodeName === $name) {
                return $c;
            }
        }
        return null;
    }

    /** @return list<\DOMElement> */
    public static function children(?\DOMElement $parent, string $name): array
    {
        $out = [];
        if ($parent !== null) {
            foreach ($parent->childNodes as $c) {
                if ($c instanceof \DOMElement && $c->nodeName === $name) {
                    $out[] = $c;
                }
            }
        }
        return $out;
    }

    /** Text of the first child element with this name; null when there is none. */
    public static function text(?\DOMElement $parent, string $name): ?string
    {
        $c = self::child($parent, $name);
        return $c?->textContent;
    }

    /** Every child element that holds text only, name => text (a repeated name keeps the last). */
    public static function scalars(?\DOMElement $parent): array
    {
        $out = [];
        if ($parent === null) {
            return $out;
        }
        foreach ($parent->childNodes as $c) {
            if (!$c instanceof \DOMElement) {
                continue;
            }
            $hasElement = false;
            foreach ($c->childNodes as $g) {
                if ($g instanceof \DOMElement) {
                    $hasElement = true;
                    break;
                }
            }
            if (!$hasElement) {
                $out[$c->nodeName] = $c->textContent;
            }
        }
        return $out;
    }
}
