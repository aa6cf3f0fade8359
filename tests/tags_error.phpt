--TEST--
Acumulus\Tags::render() and parse(): wrong arguments
--EXTENSIONS--
acumulus
--FILE--
<?php
declare(strict_types=1);
use Acumulus\Tags;

function attempt(callable $f): void
{
    try {
        var_dump($f());
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
attempt(fn () => Tags::render('x', [], [], 1 << 4));
attempt(fn () => Tags::render('x', [], [], -1));
attempt(fn () => Tags::render('x', [], [], Tags::NEWLINES_ESCAPED | Tags::NEWLINES_TO_SPACE));
attempt(fn () => Tags::render('x', [], [], Tags::TABS_ESCAPED | Tags::TABS_TO_SPACE));
attempt(fn () => Tags::render('x', [], [], 0, [], -1));
attempt(fn () => Tags::parse('x', 1 << 10));
attempt(fn () => Tags::render(null));
attempt(fn () => Tags::render('x', 'invoice'));
attempt(fn () => Tags::render(42));
attempt(fn () => Tags::render());
attempt(fn () => new Tags());
attempt(fn () => Tags::render(template: 'named {USERID}', client: ['userid' => 5]));
var_dump(Tags::NEWLINES_ESCAPED, Tags::NEWLINES_TO_SPACE, Tags::TABS_ESCAPED, Tags::TABS_TO_SPACE);
?>
--EXPECT--
ValueError: Acumulus\Tags::render(): Argument #4 ($flags) must be a combination of the Acumulus\Tags constants
ValueError: Acumulus\Tags::render(): Argument #4 ($flags) must be a combination of the Acumulus\Tags constants
ValueError: Acumulus\Tags::render(): Argument #4 ($flags) cannot have both NEWLINES_ESCAPED and NEWLINES_TO_SPACE
ValueError: Acumulus\Tags::render(): Argument #4 ($flags) cannot have both TABS_ESCAPED and TABS_TO_SPACE
ValueError: Acumulus\Tags::render(): Argument #6 ($maxLength) must be null or greater than or equal to 0
ValueError: Acumulus\Tags::parse(): Argument #2 ($flags) must be a combination of the Acumulus\Tags constants
TypeError: Acumulus\Tags::render(): Argument #1 ($template) must be of type string, null given
TypeError: Acumulus\Tags::render(): Argument #2 ($invoice) must be of type array, string given
TypeError: Acumulus\Tags::render(): Argument #1 ($template) must be of type string, int given
ArgumentCountError: Acumulus\Tags::render() expects at least 1 argument, 0 given
Error: Call to private Acumulus\Tags::__construct() from global scope
string(7) "named 5"
int(1)
int(2)
int(4)
int(8)
