/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ff304c57a38cdf1c83a01113fdbd6ce0f76fe6da */

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

#define arginfo_class_Acumulus_Planner___construct arginfo_class_Acumulus_Tags___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Planner_plan, 0, 5, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, triggers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ledger, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, context, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Planner_contentHash, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Acumulus_Tags, __construct);
ZEND_METHOD(Acumulus_Tags, render);
ZEND_METHOD(Acumulus_Tags, parse);
ZEND_METHOD(Acumulus_Planner, __construct);
ZEND_METHOD(Acumulus_Planner, plan);
ZEND_METHOD(Acumulus_Planner, contentHash);


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


static const zend_function_entry class_Acumulus_Planner_methods[] = {
	ZEND_ME(Acumulus_Planner, __construct, arginfo_class_Acumulus_Planner___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_Planner, plan, arginfo_class_Acumulus_Planner_plan, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_Planner, contentHash, arginfo_class_Acumulus_Planner_contentHash, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
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

static zend_class_entry *register_class_Acumulus_Planner(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Planner", class_Acumulus_Planner_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
