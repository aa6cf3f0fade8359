<?php

declare(strict_types=1);

namespace WHMCS\Billing\Invoice;

use Illuminate\Database\Eloquent\Model;

/** tblinvoiceitems as an Eloquent model (stand-in). */
class Item extends Model
{
    protected $table = 'tblinvoiceitems';
    public $timestamps = false;
    protected $guarded = ['id'];

    public function invoice()
    {
        return $this->belongsTo(\WHMCS\Billing\Invoice::class, 'invoiceid');
    }
}
