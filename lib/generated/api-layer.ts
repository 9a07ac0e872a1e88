// Generated from spec/api-layer.yaml by `npm run gen`. Do not edit: change the spec and regenerate.

export interface paths {
    "/virtual-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the active virtual cards
         * @description Every active card of the client; deleted cards are not listed (docs 003).
         */
        get: operations["listVirtualCards"];
        put?: never;
        /**
         * Create a virtual card
         * @description Creates a virtual card for a cardholder, active, with an approval method (TOP_UP cards take a virtual balance).
         */
        post: operations["createVirtualCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        /**
         * Get a virtual card
         * @description All the information of one card; its number only ever through the PAN link.
         */
        get: operations["getVirtualCard"];
        put?: never;
        post?: never;
        /**
         * Delete a virtual card (permanent)
         * @description Removes and disables the card, permanently: the action cannot be undone (docs 003).
         */
        delete: operations["deleteVirtualCard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/top-up-wallets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        /**
         * Get the top-up wallets of a TOP_UP card
         * @description The top-up wallets of a card of type TOP_UP; other cards are refused (docs 003).
         */
        get: operations["getTopUpWallets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/pan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        /**
         * Get the PAN as a single-use embeddable link
         * @description A single-use link to embed that shows the PAN: it opens once, and lives 60 seconds once opened (docs 003).
         */
        get: operations["getVirtualCardPan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the spending limits
         * @description Replaces the spending limits of the card.
         */
        patch: operations["updateVirtualCardLimits"];
        trace?: never;
    };
    "/virtual-cards/{cardId}/email": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the card's email
         * @description Replaces the email of the card.
         */
        patch: operations["updateVirtualCardEmail"];
        trace?: never;
    };
    "/virtual-cards/{cardId}/phone": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the card's phone
         * @description Replaces the phone of the card.
         */
        patch: operations["updateVirtualCardPhone"];
        trace?: never;
    };
    "/virtual-cards/{cardId}/virtual-balance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Override the virtual balance of a TOP_UP card
         * @description Replaces the virtual balance of a TOP_UP card with the amount (zero or more), rather than adding to it (docs 003).
         */
        put: operations["overrideVirtualBalance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unblock a card (status becomes ACTIVE)
         * @description Reactivates a card blocked after too many wrong PIN, CVV or expiry attempts; the status becomes ACTIVE whatever it was (docs 003).
         */
        post: operations["unblockVirtualCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/3ds": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Choose how the 3DS one-time password is sent
         * @description Chooses how the 3DS one-time password is delivered: by SMS (the default) or to the configured webhook (docs 003).
         */
        put: operations["configure3ds"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/3ds/authentications/{authenticationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
                /** @description The 3DS authentication notified. */
                authenticationId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a 3DS authentication with its one-time code
         * @description Answers a 3DS challenge with its one-time code, within 5 minutes of the transaction, or it fails (docs 003).
         */
        post: operations["respond3dsAuthentication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Freeze or unfreeze a card
         * @description Freezes the card (`frozen: true`) or unfreezes it (`frozen: false`).
         */
        put: operations["freezeVirtualCard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update the PIN (the documented PIN policy)
         * @description Sets a new PIN under the documented policy: 4–12 digits, no digit three times in a row, and (team reading) no digit more than twice.
         */
        put: operations["updateVirtualCardPin"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reissue a card (new number, CVV and expiry; same card)
         * @description Gives the card a new number, CVV and expiry, keeping its cardId, balance and movements (docs 003).
         */
        post: operations["reissueVirtualCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual-cards/{cardId}/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deposit funds to a card (at least 10 USD)
         * @description Funds the card; deposits under 10 USD are not processed (docs 003).
         */
        post: operations["depositToVirtualCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/holding-wallets/{blockchain}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        /**
         * The holding wallet of a blockchain, with its balance
         * @description The holding wallet of a blockchain (one per blockchain), with its id, alias, address and balance.
         */
        get: operations["getHoldingWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/holding-wallets/{blockchain}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw tokens from a holding wallet
         * @description Sends tokens out of the holding wallet; refused for insufficient funds (docs 003).
         */
        post: operations["withdrawFromHoldingWallet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blockchains/{blockchain}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        /**
         * The tokens listed on a blockchain
         * @description The tokens listed and available on a blockchain.
         */
        get: operations["listTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blockchains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The blockchains of the platform
         * @description The blockchains of the platform, for credentials and every blockchain-scoped call (MANAGEMENT permission).
         */
        get: operations["listBlockchains"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The operations of the platform (for client credentials)
         * @description The operations of the platform, to build client credentials (MANAGEMENT permission).
         */
        get: operations["listOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracted-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The products the client contracted (wallets, virtual cards)
         * @description The products the client contracted (wallets, virtual cards) and their use (MANAGEMENT permission).
         */
        get: operations["listContractedProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/configurations/payment-destinations/{blockchain}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the payment destination address of a blockchain
         * @description Changes the payment destination address of a blockchain (MANAGEMENT permission).
         */
        put: operations["updatePaymentDestination"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulate/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger a deposit event (sandbox only)
         * @description Sandbox only: a deposit arrives to a card, a virtual wallet or a treasury wallet, through the account's configured mechanisms. Deposits under the documented minimum are not processed.
         */
        post: operations["simulateDeposit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulate/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger a transaction event (sandbox only)
         * @description Sandbox only: triggers a transaction event through the account's configured mechanisms (its webhook notification follows).
         */
        post: operations["simulateTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    transactionEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An event notification sent to the client's webhook endpoint */
        post: operations["receiveWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description An entity id. */
        Id: string;
        /** @description An amount in the currency's units (USD 10 is 10). */
        Money: number;
        ErrorResponse: {
            code: string;
            message: string;
        };
        /** @enum {string} */
        CardStatus: "ACTIVE" | "BLOCKED" | "FROZEN" | "DELETED";
        /** @enum {string} */
        ApprovalMethod: "TOP_UP" | "AUTHORIZATION";
        Limits: {
            daily?: components["schemas"]["Money"];
            monthly?: components["schemas"]["Money"];
        };
        VirtualCard: {
            cardId: components["schemas"]["Id"];
            status: components["schemas"]["CardStatus"];
            approvalMethod: components["schemas"]["ApprovalMethod"];
            currency: string;
            /** Format: email */
            email?: string;
            phone?: string;
            balance: components["schemas"]["Money"];
            limits: components["schemas"]["Limits"];
            /** @description The last four digits only: the card's number is shown through the PAN link, never in an answer. */
            last4: string;
        };
        VirtualCardList: {
            cards: components["schemas"]["VirtualCard"][];
        };
        CreateVirtualCardRequest: {
            /** Format: email */
            email?: string;
            phone?: string;
            currency: string;
            approvalMethod: components["schemas"]["ApprovalMethod"];
            limits?: components["schemas"]["Limits"];
        };
        UpdateEmailRequest: {
            /** Format: email */
            email: string;
        };
        UpdatePhoneRequest: {
            phone: string;
        };
        OverrideBalanceRequest: {
            amount: number;
        };
        CardDepositRequest: {
            /** @description USD; deposits under 10 USD are not processed. */
            amount: number;
        };
        ThreeDsConfiguration: {
            /** @enum {string} */
            otpMethod: "SMS" | "WEBHOOK";
        };
        ThreeDsResponse: {
            /** @description The one-time code (a secret: masked by this name). */
            otp: string;
        };
        ThreeDsAuthentication: {
            authenticationId: components["schemas"]["Id"];
            cardId: components["schemas"]["Id"];
            /** @enum {string} */
            status: "SUCCESS" | "FAILED";
        };
        FreezeRequest: {
            frozen: boolean;
        };
        UpdatePinRequest: {
            pin: string & unknown;
        };
        TopUpWalletList: {
            wallets: {
                walletId: components["schemas"]["Id"];
                currency: string;
                balance: components["schemas"]["Money"];
            }[];
        };
        PanLink: {
            /**
             * Format: uri
             * @description A one-time link to the PAN: a secret as the PAN is (the harness masks it by this name).
             */
            panUrl: string;
            /** @constant */
            expiresInSeconds: 60;
        };
        HoldingWallet: {
            id: components["schemas"]["Id"];
            alias: string;
            address: string;
            blockchain: string;
            balance: components["schemas"]["Money"];
        };
        WithdrawalRequest: {
            amount: number;
            toAddress: string;
        };
        Withdrawal: {
            withdrawalId: components["schemas"]["Id"];
            amount: number;
            toAddress: string;
            status: components["schemas"]["EventStatus"];
        };
        TokenList: {
            tokens: {
                symbol: string;
                name: string;
                decimals: number;
            }[];
        };
        BlockchainList: {
            blockchains: {
                id: string;
                name: string;
            }[];
        };
        PlatformOperationList: {
            operations: {
                id: string;
                /** @enum {unknown} */
                accessLevel: 1 | 2 | 3 | "MANAGEMENT";
            }[];
        };
        ContractedProductList: {
            products: {
                product: string;
                limit: number;
                used: number;
            }[];
        };
        PaymentDestination: {
            address: string;
        };
        PaymentDestinationConfiguration: {
            blockchain: string;
            address: string;
        };
        SimulateTransactionRequest: {
            cardId: components["schemas"]["Id"];
            /** @enum {string} */
            type: "PURCHASE" | "REFUND" | "DEPOSIT";
            amount: number;
            merchant?: string;
        };
        /** @description cardId for a CARD deposit; blockchain for a VIRTUAL_WALLET or TREASURY one. */
        SimulateDepositRequest: {
            /** @enum {string} */
            destination: "CARD" | "VIRTUAL_WALLET" | "TREASURY";
            cardId?: components["schemas"]["Id"];
            blockchain?: string;
            /** @description USD. */
            amount: number;
        };
        SimulatedDeposit: {
            operationId: components["schemas"]["Id"];
            destination: string;
            amount: number;
            status: components["schemas"]["EventStatus"];
            /** @description Why the deposit failed. */
            reason?: string;
        };
        SimulatedTransaction: {
            operationId: components["schemas"]["Id"];
            cardId: components["schemas"]["Id"];
            type: string;
            amount: number;
            status: components["schemas"]["EventStatus"];
        };
        /** @enum {string} */
        EventStatus: "SUCCESS" | "CANCELLED" | "FAILED";
        /** @description The common part of every notification; `data` depends on the event. */
        WebhookEvent: {
            /** @description Indicator of the operation being informed. */
            operation: string;
            /** @description Indicator of the activity of the operation being informed. */
            sub_operation: string;
            /** @description Unique identifier of the operation. */
            operation_id: string;
            status: components["schemas"]["EventStatus"];
            /** @description If the status is FAILED, why. */
            reason?: string;
            /** @description Variable payload of the notification. */
            data: Record<string, never>;
        };
    };
    responses: {
        /** @description The request is invalid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "VALIDATION_ERROR",
                 *       "message": "body/pin must match pattern"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key is missing or unknown. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "UNAUTHORIZED",
                 *       "message": "Missing or unknown API key"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key's access level is below the operation's. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "ACCESS_LEVEL",
                 *       "message": "This operation requires Operational Access (Level 2)"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No resource with that id. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "NOT_FOUND",
                 *       "message": "Card 'vc_999' not found"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The resource's state forbids the operation (a deleted card, a card that is not TOP_UP, funds short). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "CARD_DELETED",
                 *       "message": "Card 'vc_001' is deleted"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The 3DS answer came too late. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "EXPIRED",
                 *       "message": "The 3DS authentication window of 5 minutes has passed"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Provider error. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "INTERNAL_ERROR",
                 *       "message": "Internal server error"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The card's id. */
        CardId: components["schemas"]["Id"];
        /** @description A blockchain id, e.g. TRON. */
        Blockchain: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listVirtualCards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cards": [
                     *         {
                     *           "cardId": "vc_001",
                     *           "status": "ACTIVE",
                     *           "approvalMethod": "TOP_UP",
                     *           "currency": "USD",
                     *           "email": "ana@example.com",
                     *           "phone": "+573001234567",
                     *           "balance": 0,
                     *           "limits": {
                     *             "daily": 1000,
                     *             "monthly": 5000
                     *           },
                     *           "last4": "0000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCardList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["ServerError"];
        };
    };
    createVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ana@example.com",
                 *       "phone": "+573001234567",
                 *       "currency": "USD",
                 *       "approvalMethod": "TOP_UP"
                 *     }
                 */
                "application/json": components["schemas"]["CreateVirtualCardRequest"];
            };
        };
        responses: {
            /** @description The new card, active. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    getVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card, deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "DELETED",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    getTopUpWallets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card's top-up wallets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "wallets": [
                     *         {
                     *           "walletId": "tw_001",
                     *           "currency": "USD",
                     *           "balance": 25.5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TopUpWalletList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    getVirtualCardPan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A link to a page showing the PAN; the answer itself holds no card number. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "panUrl": "https://sandbox.api-layer.example/pan/one-time/abc123",
                     *       "expiresInSeconds": 60
                     *     }
                     */
                    "application/json": components["schemas"]["PanLink"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    updateVirtualCardLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "daily": 500,
                 *       "monthly": 2000
                 *     }
                 */
                "application/json": components["schemas"]["Limits"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    updateVirtualCardEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ana.new@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateEmailRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    updateVirtualCardPhone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "+573009876543"
                 *     }
                 */
                "application/json": components["schemas"]["UpdatePhoneRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    overrideVirtualBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 120.5
                 *     }
                 */
                "application/json": components["schemas"]["OverrideBalanceRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    unblockVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card, after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    configure3ds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "otpMethod": "WEBHOOK"
                 *     }
                 */
                "application/json": components["schemas"]["ThreeDsConfiguration"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    respond3dsAuthentication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
                /** @description The 3DS authentication notified. */
                authenticationId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "otp": "123456"
                 *     }
                 */
                "application/json": components["schemas"]["ThreeDsResponse"];
            };
        };
        responses: {
            /** @description The authentication, answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "authenticationId": "auth_001",
                     *       "cardId": "vc_001",
                     *       "status": "SUCCESS"
                     *     }
                     */
                    "application/json": components["schemas"]["ThreeDsAuthentication"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            500: components["responses"]["ServerError"];
        };
    };
    freezeVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "frozen": true
                 *     }
                 */
                "application/json": components["schemas"]["FreezeRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    updateVirtualCardPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "pin": "482915"
                 *     }
                 */
                "application/json": components["schemas"]["UpdatePinRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    reissueVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card, after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    depositToVirtualCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The card's id. */
                cardId: components["parameters"]["CardId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 25
                 *     }
                 */
                "application/json": components["schemas"]["CardDepositRequest"];
            };
        };
        responses: {
            /** @description The card, updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cardId": "vc_001",
                     *       "status": "ACTIVE",
                     *       "approvalMethod": "TOP_UP",
                     *       "currency": "USD",
                     *       "email": "ana@example.com",
                     *       "phone": "+573001234567",
                     *       "balance": 0,
                     *       "limits": {
                     *         "daily": 1000,
                     *         "monthly": 5000
                     *       },
                     *       "last4": "0000"
                     *     }
                     */
                    "application/json": components["schemas"]["VirtualCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    getHoldingWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holding wallet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "hw_001",
                     *       "alias": "Main TRON",
                     *       "address": "TQ1exampleaddress",
                     *       "blockchain": "TRON",
                     *       "balance": 1500.25
                     *     }
                     */
                    "application/json": components["schemas"]["HoldingWallet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    withdrawFromHoldingWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 100,
                 *       "toAddress": "TQ1destinationaddress"
                 *     }
                 */
                "application/json": components["schemas"]["WithdrawalRequest"];
            };
        };
        responses: {
            /** @description The withdrawal. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "withdrawalId": "wd_001",
                     *       "amount": 100,
                     *       "toAddress": "TQ1destinationaddress",
                     *       "status": "SUCCESS"
                     *     }
                     */
                    "application/json": components["schemas"]["Withdrawal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tokens": [
                     *         {
                     *           "symbol": "USDT",
                     *           "name": "Tether USD",
                     *           "decimals": 6
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    listBlockchains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The blockchains. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "blockchains": [
                     *         {
                     *           "id": "TRON",
                     *           "name": "Tron"
                     *         },
                     *         {
                     *           "id": "ETHEREUM",
                     *           "name": "Ethereum"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BlockchainList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    listOperations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "operations": [
                     *         {
                     *           "id": "getVirtualCard",
                     *           "accessLevel": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PlatformOperationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    listContractedProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contracted products and their use. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "products": [
                     *         {
                     *           "product": "VIRTUAL_CARDS",
                     *           "limit": 100,
                     *           "used": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ContractedProductList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["ServerError"];
        };
    };
    updatePaymentDestination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A blockchain id, e.g. TRON. */
                blockchain: components["parameters"]["Blockchain"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "address": "TQ1paymentaddress"
                 *     }
                 */
                "application/json": components["schemas"]["PaymentDestination"];
            };
        };
        responses: {
            /** @description The configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "blockchain": "TRON",
                     *       "address": "TQ1paymentaddress"
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentDestinationConfiguration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    simulateDeposit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "destination": "VIRTUAL_WALLET",
                 *       "blockchain": "TRON",
                 *       "amount": 1
                 *     }
                 */
                "application/json": components["schemas"]["SimulateDepositRequest"];
            };
        };
        responses: {
            /** @description The deposit event; FAILED (with its reason) when it is under the minimum. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "operationId": "op_002",
                     *       "destination": "VIRTUAL_WALLET",
                     *       "amount": 1,
                     *       "status": "SUCCESS"
                     *     }
                     */
                    "application/json": components["schemas"]["SimulatedDeposit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    simulateTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cardId": "vc_001",
                 *       "type": "PURCHASE",
                 *       "amount": 12.5,
                 *       "merchant": "Coffee Shop"
                 *     }
                 */
                "application/json": components["schemas"]["SimulateTransactionRequest"];
            };
        };
        responses: {
            /** @description The event is triggered; its notification goes to the configured webhook. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "operationId": "op_001",
                     *       "cardId": "vc_001",
                     *       "type": "PURCHASE",
                     *       "amount": 12.5,
                     *       "status": "SUCCESS"
                     *     }
                     */
                    "application/json": components["schemas"]["SimulatedTransaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    receiveWebhookEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The key set in the management configuration; compare it in constant time. */
                "X-Webhook-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "operation": "TREASURY",
                 *       "sub_operation": "DEPOSIT",
                 *       "operation_id": "ca0c57d2-b1c9-4bcd-9d5d-8d361cad6fdd",
                 *       "status": "SUCCESS",
                 *       "data": {}
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description The client received the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
