<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Db\Schema;

/** The WHMCS schema on the lane's database, and how values come back through Capsule. */
final class SchemaTest extends TestCase
{
    public function testEveryTableHasExactlyTheWhmcsColumns(): void
    {
        $tables = $this->sb->db->tables();
        foreach (Schema::TABLES as $table => $def) {
            $this->assertContains($table, $tables);
            $this->assertSame(array_keys($def['columns']), $this->sb->db->columns($table), $table);
        }
    }

    public function testCapsuleIsWhmcsClassOverIlluminate(): void
    {
        $this->assertInstanceOf(\Illuminate\Database\Capsule\Manager::class, new Capsule());
        $this->assertSame(self::lane(), Capsule::connection()->getDriverName());
        $this->assertInstanceOf(\Illuminate\Support\Collection::class, Capsule::table('tblcurrencies')->get());
        $this->assertIsObject(Capsule::table('tblcurrencies')->first(), 'rows are stdClass');
    }

    public function testMoneyReadsBackAsTwoDecimalStringsAndIdsAsInts(): void
    {
        $id = Capsule::table('tblaccounts')->insertGetId([
            'userid' => 7, 'currency' => 0, 'gateway' => 'banktransfer', 'date' => '2026-12-01 10:00:00',
            'description' => 'x', 'amountin' => '12.10', 'fees' => '0.00', 'amountout' => '0.00', 'rate' => '1.00000',
            'transid' => 'T', 'invoiceid' => 3, 'refundid' => 0,
        ]);
        $row = Capsule::table('tblaccounts')->where('id', $id)->first();
        $this->assertSame('12.10', $row->amountin);
        $this->assertSame('1.00000', $row->rate);
        $this->assertSame(7, $row->userid);
        $this->assertSame(3, $row->invoiceid);
        $this->assertSame('2026-12-01 10:00:00', $row->date);
        $this->assertSame('21.000', Capsule::table('tbltax')->where('country', 'NL')->value('taxrate'));
    }

    public function testAnInsertMayOmitNotNullColumnsAsOutsideStrictMode(): void
    {
        $id = Capsule::table('tblinvoices')->insertGetId(['userid' => 1, 'status' => 'Unpaid']);
        $row = Capsule::table('tblinvoices')->where('id', $id)->first();
        $this->assertSame('', $row->invoicenum);
        $this->assertSame('0.00', $row->subtotal);
        $this->assertSame('0.000', $row->taxrate);
        $this->assertSame('0000-00-00 00:00:00', $row->datepaid);
        $this->assertNull($row->date);
        $this->assertNull($row->paymethodid);
    }

    public function testClientStatusIsAnEnum(): void
    {
        $this->expectException(\Illuminate\Database\QueryException::class);
        if (self::lane() === 'mysql') {
            // Outside strict mode MariaDB stores '' for a bad enum value with a
            // warning; strict for this statement shows the constraint.
            Capsule::connection()->statement("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
        }
        try {
            Capsule::table('tblclients')->insert(['firstname' => 'x', 'status' => 'Sleeping']);
        } finally {
            if (self::lane() === 'mysql') {
                Capsule::connection()->statement("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
            }
        }
    }

    public function testTextRoundTripsUtf8(): void
    {
        $id = Capsule::table('tblclients')->insertGetId(['firstname' => 'Zoë', 'lastname' => 'Müller & Søn <b>']);
        $this->assertSame('Müller & Søn <b>', Capsule::table('tblclients')->where('id', $id)->value('lastname'));
        $this->assertSame('Zoë', Capsule::table('tblclients')->where('id', $id)->value('firstname'));
    }

    public function testMariaDbSessionMatchesAWhmcsInstall(): void
    {
        if (self::lane() !== 'mysql') {
            $this->assertSame('wal', $this->sqliteJournalOfAFile());
            return;
        }
        $mode = Capsule::connection()->selectOne('SELECT @@SESSION.sql_mode AS m')->m;
        $this->assertSame('NO_ENGINE_SUBSTITUTION', $mode);
        $row = Capsule::connection()->selectOne(
            'SELECT table_collation AS c, engine AS e FROM information_schema.tables'
            . " WHERE table_schema = DATABASE() AND table_name = 'tblinvoices'"
        );
        $this->assertSame('utf8mb3_unicode_ci', $row->c);
        $this->assertSame('InnoDB', $row->e);
        $type = Capsule::connection()->selectOne(
            'SELECT column_type AS t FROM information_schema.columns'
            . " WHERE table_schema = DATABASE() AND table_name = 'tblinvoices' AND column_name = 'total'"
        )->t;
        $this->assertSame('decimal(16,2)', $type);
    }

    public function testAddonTablesAreDroppedByAFreshInstall(): void
    {
        Capsule::schema()->create('mod_leftover', function ($t) {
            $t->increments('id');
        });
        $this->assertContains('mod_leftover', $this->sb->db->tables());
        $this->sb->db->install();
        $this->assertNotContains('mod_leftover', $this->sb->db->tables());
        $this->assertCount(count(Schema::TABLES), $this->sb->db->tables());
    }

    private function sqliteJournalOfAFile(): string
    {
        $sb = $this->shareableSandbox();
        return (string) Capsule::connection()->selectOne('PRAGMA journal_mode')->journal_mode;
    }
}
