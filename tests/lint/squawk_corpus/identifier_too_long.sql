-- squawk corpus: identifier_too_long
-- PostgreSQL truncates names longer than 63 bytes.

-- +upgrade postgresql
-- autogen: no-transaction
CREATE INDEX CONCURRENTLY "ix_order_line_items_order_id_product_id_quantity_unit_price_cents" ON "order_line_items" ("order_id", "product_id", "quantity", "unit_price_cents");

-- +downgrade postgresql
-- autogen: no-transaction
DROP INDEX CONCURRENTLY "ix_order_line_items_order_id_product_id_quantity_unit_price_cents";
