<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use Random\Engine\Mt19937;
use Random\Randomizer;

/** Seeded choices for the generator: the same seed gives the same data. */
final class Dice
{
    private readonly Randomizer $rnd;

    public function __construct(int $seed)
    {
        $this->rnd = new Randomizer(new Mt19937($seed));
    }

    public function int(int $min, int $max): int
    {
        return $this->rnd->getInt($min, $max);
    }

    /** @template T @param list<T> $list @return T */
    public function pick(array $list): mixed
    {
        return $list[$this->rnd->getInt(0, count($list) - 1)];
    }

    /** A key of $weights, each as likely as its weight. @param array<string,int> $weights */
    public function weighted(array $weights): string
    {
        $roll = $this->rnd->getInt(1, max(1, array_sum($weights)));
        foreach ($weights as $key => $weight) {
            $roll -= $weight;
            if ($roll <= 0) {
                return (string) $key;
            }
        }
        return (string) array_key_last($weights);
    }

    public function digits(int $n): string
    {
        $s = '';
        for ($i = 0; $i < $n; $i++) {
            $s .= (string) $this->rnd->getInt(0, 9);
        }
        return $s;
    }

    public function hex(int $bytes): string
    {
        return bin2hex($this->rnd->getBytes($bytes));
    }
}
