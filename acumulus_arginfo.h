/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: a6138490ac668af6a01d47250dd9d237db55d164 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Acumulus_Tags___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Tags_render, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, invoice, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, client, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, customFieldNames, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxLength, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Tags_parse, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_InvoiceMapper___construct arginfo_class_Acumulus_Tags___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_map, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, client, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, settings, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_creditNote, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, original, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, credit, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, settings, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_defaultSettings, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_vatRates, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, country, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, date, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, vattype, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_InvoiceMapper_vatRules arginfo_class_Acumulus_InvoiceMapper_defaultSettings


ZEND_METHOD(Acumulus_Tags, __construct);
ZEND_METHOD(Acumulus_Tags, render);
ZEND_METHOD(Acumulus_Tags, parse);
ZEND_METHOD(Acumulus_InvoiceMapper, __construct);
ZEND_METHOD(Acumulus_InvoiceMapper, map);
ZEND_METHOD(Acumulus_InvoiceMapper, creditNote);
ZEND_METHOD(Acumulus_InvoiceMapper, defaultSettings);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRates);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRules);


static const zend_function_entry class_Acumulus_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_LengthException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_RuntimeException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_UnexpectedValueException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_Tags_methods[] = {
	ZEND_ME(Acumulus_Tags, __construct, arginfo_class_Acumulus_Tags___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_Tags, render, arginfo_class_Acumulus_Tags_render, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_Tags, parse, arginfo_class_Acumulus_Tags_parse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvoiceDataException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvoiceMapper_methods[] = {
	ZEND_ME(Acumulus_InvoiceMapper, __construct, arginfo_class_Acumulus_InvoiceMapper___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_InvoiceMapper, map, arginfo_class_Acumulus_InvoiceMapper_map, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, creditNote, arginfo_class_Acumulus_InvoiceMapper_creditNote, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, defaultSettings, arginfo_class_Acumulus_InvoiceMapper_defaultSettings, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, vatRates, arginfo_class_Acumulus_InvoiceMapper_vatRates, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, vatRules, arginfo_class_Acumulus_InvoiceMapper_vatRules, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Acumulus_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Exception", class_Acumulus_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvalidArgumentException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvalidArgumentException", class_Acumulus_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_LengthException(zend_class_entry *class_entry_LengthException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "LengthException", class_Acumulus_LengthException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_LengthException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_RuntimeException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "RuntimeException", class_Acumulus_RuntimeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_UnexpectedValueException(zend_class_entry *class_entry_UnexpectedValueException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "UnexpectedValueException", class_Acumulus_UnexpectedValueException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_UnexpectedValueException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_Tags(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Tags", class_Acumulus_Tags_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_NEWLINES_ESCAPED_value;
	ZVAL_LONG(&const_NEWLINES_ESCAPED_value, ACU_TAGS_NEWLINES_ESCAPED);
	zend_string *const_NEWLINES_ESCAPED_name = zend_string_init_interned("NEWLINES_ESCAPED", sizeof("NEWLINES_ESCAPED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NEWLINES_ESCAPED_name, &const_NEWLINES_ESCAPED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NEWLINES_ESCAPED_name);

	zval const_NEWLINES_TO_SPACE_value;
	ZVAL_LONG(&const_NEWLINES_TO_SPACE_value, ACU_TAGS_NEWLINES_TO_SPACE);
	zend_string *const_NEWLINES_TO_SPACE_name = zend_string_init_interned("NEWLINES_TO_SPACE", sizeof("NEWLINES_TO_SPACE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NEWLINES_TO_SPACE_name, &const_NEWLINES_TO_SPACE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NEWLINES_TO_SPACE_name);

	zval const_TABS_ESCAPED_value;
	ZVAL_LONG(&const_TABS_ESCAPED_value, ACU_TAGS_TABS_ESCAPED);
	zend_string *const_TABS_ESCAPED_name = zend_string_init_interned("TABS_ESCAPED", sizeof("TABS_ESCAPED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TABS_ESCAPED_name, &const_TABS_ESCAPED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TABS_ESCAPED_name);

	zval const_TABS_TO_SPACE_value;
	ZVAL_LONG(&const_TABS_TO_SPACE_value, ACU_TAGS_TABS_TO_SPACE);
	zend_string *const_TABS_TO_SPACE_name = zend_string_init_interned("TABS_TO_SPACE", sizeof("TABS_TO_SPACE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TABS_TO_SPACE_name, &const_TABS_TO_SPACE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TABS_TO_SPACE_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvoiceDataException(zend_class_entry *class_entry_Acumulus_InvalidArgumentException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvoiceDataException", class_Acumulus_InvoiceDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_InvalidArgumentException);

	zval property_invoiceId_default_value;
	ZVAL_EMPTY_STRING(&property_invoiceId_default_value);
	zend_string *property_invoiceId_name = zend_string_init("invoiceId", sizeof("invoiceId") - 1, 1);
	zend_declare_typed_property(class_entry, property_invoiceId_name, &property_invoiceId_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_invoiceId_name);

	zval property_field_default_value;
	ZVAL_EMPTY_STRING(&property_field_default_value);
	zend_string *property_field_name = zend_string_init("field", sizeof("field") - 1, 1);
	zend_declare_typed_property(class_entry, property_field_name, &property_field_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_field_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvoiceMapper(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvoiceMapper", class_Acumulus_InvoiceMapper_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
