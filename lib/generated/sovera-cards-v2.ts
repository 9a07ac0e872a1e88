// Generated from spec/sovera-cards-v2.yaml by `npm run gen`. Do not edit: change the spec and regenerate.

export interface paths {
    "/users/natural": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a natural user
         * @description Creates a natural user and its Main wallet (walletType 0) in `currency` (USD when omitted).
         */
        post: operations["createNaturalUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/legal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a legal user
         * @description Creates a company user and its Main wallet (walletType 0) in `currency` (USD when omitted).
         */
        post: operations["createLegalUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a user
         * @description Answers the user, natural or legal, told apart by `type`.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a wallet for a user
         * @description The user must exist (404 otherwise). `walletType` 0 for debit, prepaid and fund
         *     management; 1 for prefunded credit cards (docs 001).
         */
        post: operations["createWallet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallets/{walletId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a wallet
         * @description Answers the wallet's balance and the amount withheld by pending transactions, in cents
         *     (docs 001). Note: the docs contradict themselves: this page shows `data` as an array
         *     holding the one wallet, while create answers an object. The spec follows this page.
         */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallets/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List a user's wallets
         * @description `data` is a native array of the user's wallets (docs 001). Note: the docs contradict
         *     themselves: the items here use `clientId`, `amountAvailable` and `createdAt`, where the
         *     wallet GET uses `balance` and `creationDate`. The spec follows this page.
         */
        post: operations["listWalletsByUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/debit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a debit card
         * @description Physical cards are born inactive, `status` pendingAck, until their reception is acknowledged (docs 002).
         */
        post: operations["createDebitCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/prepaid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a prepaid card
         * @description Physical cards are born inactive, `status` pendingAck, until their reception is acknowledged (docs 002).
         */
        post: operations["createPrepaidCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a prefunded credit card
         * @description The wallet must have walletType 1 (400 otherwise). Physical cards are born inactive,
         *     `status` pendingAck, until their reception is acknowledged (docs 002).
         */
        post: operations["createCreditCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/{cardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a card
         * @description Answers the card with its activity (`isActive`) and lifecycle `status`.
         */
        get: operations["getCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/ack/reception": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge reception of a physical card
         * @description Activates a physical card once printed and in the cardholder's hand (docs 002). Not
         *     successful before the card is printed (about 48 hours after creation); the status of
         *     that refusal is not documented, the spec assumes 400. On a 500, contact Sovera support.
         */
        post: operations["ackReception"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block a card
         * @description Sets `isActive` to false. 400 when the card is already blocked (docs 002). On a 500, contact Sovera support.
         */
        post: operations["blockCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unblock a card
         * @description Sets `isActive` to true for a blocked card. 400 when the card is already active (docs 002). On a 500, contact Sovera support.
         */
        post: operations["unblockCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a card (irreversible)
         * @description Permanently cancels the card: `isActive` false and `status` "Cancel". Irreversible
         *     (docs 002). 400 when already cancelled. On a 500, contact Sovera support.
         *     Note: the docs contradict themselves: this page answers `isActive` as the string
         *     "false", where block and unblock answer booleans. The spec follows this page.
         */
        post: operations["cancelCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/check/pan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the card number and expiry
         * @description Answers the PAN and the expiry. Warning (docs 002): the responses to this call should
         *     not be stored in databases for security reasons. On a 500, contact Sovera support.
         *     Note: the docs contradict themselves: `expDate` is a number here while check due date
         *     answers `dueDate` as a string. The spec follows each page.
         */
        post: operations["checkPan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/check/cvv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the CVV
         * @description Answers the CVV, as a string. Warning (docs 002): the responses to this call should not
         *     be stored in databases for security reasons. On a 500, contact Sovera support.
         */
        post: operations["checkCvv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/check/due/date": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the expiry date
         * @description Answers the expiry date, as a string. Warning (docs 002): the responses to this call
         *     should not be stored in databases for security reasons. On a 500, contact Sovera
         *     support. Note: check PAN answers the expiry (`expDate`) as a number; the spec follows
         *     each page.
         */
        post: operations["checkDueDate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/check/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the PIN
         * @description Answers the PIN. Warning (docs 002): responses from this call should not be stored in
         *     databases for security reasons. On a 500, contact Sovera support.
         */
        post: operations["checkPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/unblock/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unblock the PIN after too many wrong attempts
         * @description Reactivates the PIN after the security block (three wrong attempts by default) and
         *     answers it. Warning (docs 002): responses from this call should not be stored in
         *     databases for security reasons. On a 500, contact Sovera support.
         */
        post: operations["unblockPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the PIN
         * @description Assigns a 4-digit PIN and echoes it with 200 OK. Warning (docs 002): responses from this
         *     call should not be stored in databases for security reasons.
         */
        put: operations["changePin"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credit a wallet (pay-in)
         * @description The wallet's balance grows by `amount` (cents).
         */
        post: operations["createPayIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Debit a wallet (pay-out)
         * @description The wallet's balance shrinks by `amount` (cents); 400 when the balance is lower than `amount`.
         */
        post: operations["createPayOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer between wallets
         * @description Moves `amount` cents from one wallet to another of the same currency; the sum of both
         *     balances is unchanged. 400 for insufficient funds or a currency mismatch.
         */
        post: operations["createTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a wallet's transactions
         * @description Every movement of the wallet, newest first. 400 without `walletId`, 404 for an unknown wallet.
         */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/enlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a callback URL for event notifications
         * @description Registers an https callback URL to which Sovera sends event notifications.
         */
        post: operations["enlistNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    cardTransactionEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A card transaction notification sent to each registered callback URL
         * @description Sent for each card transaction event (authorised, declined, settled, reversed, expired)
         *     to every callback URL the client registered with enlistNotification. Each notification has
         *     a unique `id`; a retry repeats it. Everything about the payload is inferred.
         */
        post: operations["receiveCardTransactionEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description An entity id. Not necessarily a UUID: the docs show ids such as "qa2c3b2a-…". */
        Id: string;
        /** @description ISO 4217 code (docs 001). */
        Currency: string;
        /** @description A balance in cents; USD 1,000.00 is 100000 (docs 001). */
        Balance: number;
        /** @description An amount moved, in cents (docs 001). */
        Amount: number;
        /** Format: date-time */
        Timestamp: string;
        Meta: {
            timestamp: components["schemas"]["Timestamp"];
            /** @constant */
            version: "v2";
            /** Format: uuid */
            traceId: string;
        };
        SuccessEnvelope: {
            /** @constant */
            success: true;
            data: unknown;
            meta: components["schemas"]["Meta"];
        };
        ErrorItem: {
            code: string;
            message: string;
        };
        ErrorResponse: {
            /** @constant */
            success: false;
            errors: components["schemas"]["ErrorItem"][];
            meta: components["schemas"]["Meta"];
        };
        /** @description The error format with code NOT_FOUND (docs 001). */
        NotFoundErrorResponse: components["schemas"]["ErrorResponse"] & {
            errors?: {
                /** @constant */
                code?: "NOT_FOUND";
            }[];
        };
        NaturalUser: {
            id: components["schemas"]["Id"];
            /** @constant */
            type: "natural";
            firstName: string;
            lastName: string;
            /** Format: email */
            email: string;
            mainWalletId: components["schemas"]["Id"];
            creationDate: components["schemas"]["Timestamp"];
        };
        LegalUser: {
            id: components["schemas"]["Id"];
            /** @constant */
            type: "legal";
            legalName: string;
            taxId: string;
            /** Format: email */
            email: string;
            mainWalletId: components["schemas"]["Id"];
            creationDate: components["schemas"]["Timestamp"];
        };
        /** @description A natural or a legal user, told apart by `type` (natural | legal). */
        User: components["schemas"]["NaturalUser"] | components["schemas"]["LegalUser"];
        Wallet: {
            id: components["schemas"]["Id"];
            userId: components["schemas"]["Id"];
            currency: components["schemas"]["Currency"];
            description: string;
            balance: components["schemas"]["Balance"];
            amountWithheld: components["schemas"]["Balance"];
            creationDate: components["schemas"]["Timestamp"];
        };
        /** @description A wallet as listed by user (docs 001); field names differ from Wallet. */
        WalletListItem: {
            id: components["schemas"]["Id"];
            clientId: components["schemas"]["Id"];
            userId: components["schemas"]["Id"];
            currency: components["schemas"]["Currency"];
            description: string;
            amountAvailable: components["schemas"]["Balance"];
            amountWithheld: components["schemas"]["Balance"];
            createdAt: components["schemas"]["Timestamp"];
        };
        Card: {
            id: components["schemas"]["Id"];
            userId: components["schemas"]["Id"];
            walletId: components["schemas"]["Id"];
            physicalCard: boolean;
            /** @description The card-profile clientCode the card was created with (inferred). */
            code: string;
            isActive: boolean;
            /**
             * @description pendingAck and Cancel are documented (docs 002); active and blocked are inferred.
             * @enum {string}
             */
            status: "pendingAck" | "active" | "blocked" | "Cancel";
            creationDate: components["schemas"]["Timestamp"];
            /** @description Expiry; a number in the docs' card object (docs 002 show 0). */
            dueDate: number;
        };
        /** @description A pay-in or a pay-out (inferred). */
        Movement: {
            id: components["schemas"]["Id"];
            walletId: components["schemas"]["Id"];
            /** @enum {string} */
            type: "payin" | "payout";
            amount: components["schemas"]["Amount"];
            status: components["schemas"]["MovementStatus"];
            creationDate: components["schemas"]["Timestamp"];
        };
        /** @description A transfer between two wallets (inferred). */
        Transfer: {
            id: components["schemas"]["Id"];
            fromWalletId: components["schemas"]["Id"];
            toWalletId: components["schemas"]["Id"];
            amount: components["schemas"]["Amount"];
            status: components["schemas"]["MovementStatus"];
            creationDate: components["schemas"]["Timestamp"];
        };
        /** @description One movement of a wallet (inferred). */
        Transaction: {
            id: components["schemas"]["Id"];
            walletId: components["schemas"]["Id"];
            /**
             * @description Inferred; card_purchase is a settled card transaction.
             * @enum {string}
             */
            type: "payin" | "payout" | "transfer_in" | "transfer_out" | "card_purchase";
            amount: components["schemas"]["Amount"];
            status: components["schemas"]["MovementStatus"];
            creationDate: components["schemas"]["Timestamp"];
        };
        CardTransactionEvent: {
            /** @description Unique per notification; repeated by a retry. */
            id: string;
            /** @enum {string} */
            event: "card.transaction.authorised" | "card.transaction.declined" | "card.transaction.settled" | "card.transaction.reversed" | "card.transaction.expired";
            creationDate: components["schemas"]["Timestamp"];
            data: {
                transactionId: string;
                cardId: components["schemas"]["Id"];
                walletId: components["schemas"]["Id"];
                amount: components["schemas"]["Amount"];
                merchant?: string;
                /** @enum {string} */
                status: "AUTHORISED" | "DECLINED" | "SETTLED" | "REVERSED" | "EXPIRED";
                /** @description Why the transaction was declined or released. */
                reason?: string;
                amountWithheld: components["schemas"]["Balance"];
                balance: components["schemas"]["Balance"];
            };
        };
        /**
         * @description Inferred.
         * @enum {string}
         */
        MovementStatus: "completed" | "pending" | "failed";
        Notification: {
            id: components["schemas"]["Id"];
            /** Format: uri */
            url: string;
            creationDate: components["schemas"]["Timestamp"];
        };
        NaturalUserResponse: {
            data?: components["schemas"]["NaturalUser"];
        } & components["schemas"]["SuccessEnvelope"];
        LegalUserResponse: {
            data?: components["schemas"]["LegalUser"];
        } & components["schemas"]["SuccessEnvelope"];
        UserResponse: {
            data?: components["schemas"]["User"];
        } & components["schemas"]["SuccessEnvelope"];
        WalletResponse: {
            data?: components["schemas"]["Wallet"];
        } & components["schemas"]["SuccessEnvelope"];
        /** @description Wallet GET: `data` is an array of exactly one wallet (docs 001). */
        WalletArrayResponse: {
            data?: components["schemas"]["Wallet"][];
        } & components["schemas"]["SuccessEnvelope"];
        WalletListResponse: {
            data?: components["schemas"]["WalletListItem"][];
        } & components["schemas"]["SuccessEnvelope"];
        CardResponse: {
            data?: components["schemas"]["Card"];
        } & components["schemas"]["SuccessEnvelope"];
        CardIdResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
            };
        } & components["schemas"]["SuccessEnvelope"];
        BlockResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                /** @constant */
                isActive: false;
            };
        } & components["schemas"]["SuccessEnvelope"];
        UnblockResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                /** @constant */
                isActive: true;
            };
        } & components["schemas"]["SuccessEnvelope"];
        CancelResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                /**
                 * @description The string "false", as documented.
                 * @constant
                 */
                isActive: "false";
            };
        } & components["schemas"]["SuccessEnvelope"];
        PanResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                /** @description The card number (ISO/IEC 7812 length: inferred). Never store it. */
                pan: string;
                /** @description The expiry; a number in docs 002. */
                expDate: number;
            };
        } & components["schemas"]["SuccessEnvelope"];
        CvvResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                cvv: string;
            };
        } & components["schemas"]["SuccessEnvelope"];
        DueDateResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                /** @description The expiry; a string in docs 002. */
                dueDate: string;
            };
        } & components["schemas"]["SuccessEnvelope"];
        PinResponse: {
            data?: {
                cardId: components["schemas"]["Id"];
                pin: string;
            };
        } & components["schemas"]["SuccessEnvelope"];
        PayInResponse: {
            data?: {
                /** @constant */
                type?: "payin";
            } & components["schemas"]["Movement"];
        } & components["schemas"]["SuccessEnvelope"];
        PayOutResponse: {
            data?: {
                /** @constant */
                type?: "payout";
            } & components["schemas"]["Movement"];
        } & components["schemas"]["SuccessEnvelope"];
        TransferResponse: {
            data?: components["schemas"]["Transfer"];
        } & components["schemas"]["SuccessEnvelope"];
        TransactionListResponse: {
            data?: components["schemas"]["Transaction"][];
        } & components["schemas"]["SuccessEnvelope"];
        NotificationResponse: {
            data?: components["schemas"]["Notification"];
        } & components["schemas"]["SuccessEnvelope"];
        /**
         * @example {
         *       "firstName": "Juan",
         *       "lastName": "Perez",
         *       "email": "juan@email.com",
         *       "currency": "USD"
         *     }
         */
        CreateNaturalUserRequest: {
            firstName: string;
            lastName: string;
            /** Format: email */
            email: string;
            /**
             * @description Currency of the Main wallet; USD when omitted.
             * @default USD
             */
            currency?: components["schemas"]["Currency"];
        };
        /**
         * @example {
         *       "legalName": "Acme Payments SA",
         *       "taxId": "900123456",
         *       "email": "finance@acme.example.com"
         *     }
         */
        CreateLegalUserRequest: {
            legalName: string;
            taxId: string;
            /** Format: email */
            email: string;
            /**
             * @description Currency of the Main wallet; USD when omitted.
             * @default USD
             */
            currency?: components["schemas"]["Currency"];
        };
        /**
         * @example {
         *       "userId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
         *       "currency": "USD",
         *       "description": "SecondaryWallet",
         *       "walletType": 0
         *     }
         */
        CreateWalletRequest: {
            userId: components["schemas"]["Id"];
            currency: components["schemas"]["Currency"];
            description: string;
            /**
             * @description 0 for debit, prepaid and funds; 1 for prefunded credit cards (docs 001).
             * @enum {integer}
             */
            walletType: 0 | 1;
        };
        /**
         * @example {
         *       "userId": "3fa85f64-5717-4562-b3fc-2c963f66afa6"
         *     }
         */
        ListWalletsByUserRequest: {
            userId: components["schemas"]["Id"];
        };
        /**
         * @example {
         *       "userId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
         *       "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
         *       "clientCode": "HARNESS-DEBIT-01",
         *       "physicalCard": true
         *     }
         */
        CreateCardRequest: {
            userId: components["schemas"]["Id"];
            walletId: components["schemas"]["Id"];
            /** @description The card-profile code Sovera's integration team provides (docs 000). */
            clientCode: string;
            physicalCard: boolean;
        };
        /** @description The wallet must have walletType 0. */
        CreateDebitCardRequest: components["schemas"]["CreateCardRequest"];
        /** @description The wallet must have walletType 0. */
        CreatePrepaidCardRequest: components["schemas"]["CreateCardRequest"];
        /** @description The wallet must have walletType 1. */
        CreateCreditCardRequest: components["schemas"]["CreateCardRequest"];
        /**
         * @description The body of every card operation that takes only the card id (docs 002).
         * @example {
         *       "cardId": "string"
         *     }
         */
        CardIdRequest: {
            cardId: components["schemas"]["Id"];
        };
        /**
         * @example {
         *       "cardId": "string",
         *       "pin": "0000"
         *     }
         */
        ChangePinRequest: {
            cardId: components["schemas"]["Id"];
            /** @description The new 4-digit PIN (docs 002). */
            pin: string;
        };
        /**
         * @example {
         *       "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
         *       "amount": 100000
         *     }
         */
        CreatePayInRequest: {
            walletId: components["schemas"]["Id"];
            amount: components["schemas"]["Amount"];
        };
        /**
         * @example {
         *       "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
         *       "amount": 2500
         *     }
         */
        CreatePayOutRequest: {
            walletId: components["schemas"]["Id"];
            amount: components["schemas"]["Amount"];
        };
        /**
         * @example {
         *       "fromWalletId": "216fa217-6826-48b8-ab5b-0180891cef30",
         *       "toWalletId": "d6928675-a4fe-4752-8e7e-018099d30fe1",
         *       "amount": 1000
         *     }
         */
        CreateTransferRequest: {
            fromWalletId: components["schemas"]["Id"];
            toWalletId: components["schemas"]["Id"];
            amount: components["schemas"]["Amount"];
        };
        /**
         * @example {
         *       "url": "https://hooks.example.com/sovera"
         *     }
         */
        EnlistNotificationRequest: {
            /**
             * Format: uri
             * @description Callback URL: https, or plain http to loopback only (a receiver on the same machine as the caller).
             */
            url: string;
        };
    };
    responses: {
        /** @description The new card. Physical cards are inactive and pendingAck until acknowledged (docs 002). */
        CardCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": true,
                 *       "data": {
                 *         "id": "string",
                 *         "userId": "string",
                 *         "walletId": "string",
                 *         "physicalCard": true,
                 *         "code": "string",
                 *         "isActive": false,
                 *         "status": "pendingAck",
                 *         "creationDate": "2022-08-01T19:37:50.392Z",
                 *         "dueDate": 0
                 *       },
                 *       "meta": {
                 *         "timestamp": "2026-06-04T17:50:15.334Z",
                 *         "version": "v2",
                 *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CardResponse"];
            };
        };
        /** @description The request is invalid, or the operation is not allowed in the resource's state. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "errors": [
                 *         {
                 *           "code": "VALIDATION_ERROR",
                 *           "message": "body/cardId must be string"
                 *         }
                 *       ],
                 *       "meta": {
                 *         "timestamp": "2026-06-04T17:50:15.334Z",
                 *         "version": "v2",
                 *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Credentials are missing or wrong (docs 000). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "errors": [
                 *         {
                 *           "code": "UNAUTHORIZED",
                 *           "message": "Missing or invalid API key"
                 *         }
                 *       ],
                 *       "meta": {
                 *         "timestamp": "2026-06-04T17:50:15.334Z",
                 *         "version": "v2",
                 *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No resource with that id (docs 001). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "errors": [
                 *         {
                 *           "code": "NOT_FOUND",
                 *           "message": "Wallet 'c4d165d1-xxxx-xxxx-xxxx-017f0c6facf8' not found"
                 *         }
                 *       ],
                 *       "meta": {
                 *         "timestamp": "2026-06-04T17:50:15.334Z",
                 *         "version": "v2",
                 *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["NotFoundErrorResponse"];
            };
        };
        /** @description Provider error; contact Sovera support with the case details and traceId (docs 002). */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "errors": [
                 *         {
                 *           "code": "INTERNAL_ERROR",
                 *           "message": "Internal server error"
                 *         }
                 *       ],
                 *       "meta": {
                 *         "timestamp": "2026-06-04T17:50:15.334Z",
                 *         "version": "v2",
                 *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The user's id. */
        UserId: components["schemas"]["Id"];
        /** @description The wallet's id. */
        WalletId: components["schemas"]["Id"];
        /** @description The card's id. */
        CardId: components["schemas"]["Id"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createNaturalUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNaturalUserRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateNaturalUserRequest"];
            };
        };
        responses: {
            /** @description The user, with the id of its Main wallet. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *         "type": "natural",
                     *         "firstName": "Juan",
                     *         "lastName": "Perez",
                     *         "email": "juan@email.com",
                     *         "mainWalletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NaturalUserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createLegalUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLegalUserRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateLegalUserRequest"];
            };
        };
        responses: {
            /** @description The company user, with the id of its Main wallet. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                     *         "type": "legal",
                     *         "legalName": "Acme Payments SA",
                     *         "taxId": "900123456",
                     *         "email": "finance@acme.example.com",
                     *         "mainWalletId": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["LegalUserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user, natural or legal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *         "type": "natural",
                     *         "firstName": "Juan",
                     *         "lastName": "Perez",
                     *         "email": "juan@email.com",
                     *         "mainWalletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createWallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWalletRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateWalletRequest"];
            };
        };
        responses: {
            /** @description The new wallet, empty. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "d6928675-a4fe-4752-8e7e-018099d30fe1",
                     *         "userId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *         "currency": "USD",
                     *         "description": "SecondaryWallet",
                     *         "balance": 0,
                     *         "amountWithheld": 0,
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WalletResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The wallet's id. */
                walletId: components["parameters"]["WalletId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An array with the one wallet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *           "userId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *           "currency": "USD",
                     *           "description": "Main wallet",
                     *           "balance": 0,
                     *           "creationDate": "2024-11-12T12:17:29.710Z",
                     *           "amountWithheld": 0
                     *         }
                     *       ],
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WalletArrayResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listWalletsByUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListWalletsByUserRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ListWalletsByUserRequest"];
            };
        };
        responses: {
            /** @description Every wallet of the user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *           "clientId": "1c5a29f5-b018-40c7-a6d4-017efe423d42",
                     *           "userId": "qa2c3b2a-23f6-49be-b882-0180891cef30",
                     *           "currency": "USD",
                     *           "description": "Main wallet",
                     *           "amountAvailable": 38574,
                     *           "amountWithheld": 1110756,
                     *           "createdAt": "2022-05-03T08:50:16.4959966Z"
                     *         },
                     *         {
                     *           "id": "d6928675-a4fe-4752-8e7e-018099d30fe1",
                     *           "clientId": "1c5a29f5-b018-40c7-a6d4-017efe423d42",
                     *           "userId": "ea2c3b2a-23f6-49be-b882-0180891cef30",
                     *           "currency": "USD",
                     *           "description": "SecondaryWallet",
                     *           "amountAvailable": 381599,
                     *           "amountWithheld": 29253372,
                     *           "createdAt": "2022-05-06T14:43:07.7804616Z"
                     *         }
                     *       ],
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WalletListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createDebitCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDebitCardRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateDebitCardRequest"];
            };
        };
        responses: {
            201: components["responses"]["CardCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createPrepaidCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePrepaidCardRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreatePrepaidCardRequest"];
            };
        };
        responses: {
            201: components["responses"]["CardCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createCreditCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCreditCardRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateCreditCardRequest"];
            };
        };
        responses: {
            201: components["responses"]["CardCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCard: {
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
                     *       "success": true,
                     *       "data": {
                     *         "id": "string",
                     *         "userId": "string",
                     *         "walletId": "string",
                     *         "physicalCard": true,
                     *         "code": "string",
                     *         "isActive": false,
                     *         "status": "pendingAck",
                     *         "creationDate": "2022-08-01T19:37:50.392Z",
                     *         "dueDate": 0
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CardResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    ackReception: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card id, echoed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CardIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    blockCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card, now inactive. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "isActive": false
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["BlockResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    unblockCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card, now active. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "isActive": true
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UnblockResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    cancelCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card, cancelled. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "isActive": "false"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CancelResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    checkPan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card's PAN and expiry. Do not store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "pan": "4000123412340000",
                     *         "expDate": 0
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PanResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    checkCvv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card's CVV. Do not store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "cvv": "000"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CvvResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    checkDueDate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card's expiry date. Do not store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "dueDate": "string"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DueDateResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    checkPin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card's PIN. Do not store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "pin": "0000"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PinResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    unblockPin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardIdRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CardIdRequest"];
            };
        };
        responses: {
            /** @description The card's PIN. Do not store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "pin": "0000"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PinResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    changePin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePinRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ChangePinRequest"];
            };
        };
        responses: {
            /** @description The card and its new PIN. Do not store. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "cardId": "string",
                     *         "pin": "0000"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PinResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createPayIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePayInRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreatePayInRequest"];
            };
        };
        responses: {
            /** @description The pay-in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "9b2f4c1e-5d3a-4e8b-a1c2-3f4e5d6a7b8c",
                     *         "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *         "type": "payin",
                     *         "amount": 100000,
                     *         "status": "completed",
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PayInResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createPayOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePayOutRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreatePayOutRequest"];
            };
        };
        responses: {
            /** @description The pay-out. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "9b2f4c1e-5d3a-4e8b-a1c2-3f4e5d6a7b8d",
                     *         "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *         "type": "payout",
                     *         "amount": 2500,
                     *         "status": "completed",
                     *         "creationDate": "2022-07-19T21:00:00.000Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PayOutResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTransferRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateTransferRequest"];
            };
        };
        responses: {
            /** @description The transfer. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
                     *         "fromWalletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *         "toWalletId": "d6928675-a4fe-4752-8e7e-018099d30fe1",
                     *         "amount": 1000,
                     *         "status": "completed",
                     *         "creationDate": "2022-07-19T22:00:00.000Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TransferResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listTransactions: {
        parameters: {
            query: {
                /** @description The wallet whose transactions to list. */
                walletId: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transactions, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
                     *           "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *           "type": "transfer_out",
                     *           "amount": 1000,
                     *           "status": "completed",
                     *           "creationDate": "2022-07-19T22:00:00.000Z"
                     *         },
                     *         {
                     *           "id": "9b2f4c1e-5d3a-4e8b-a1c2-3f4e5d6a7b8d",
                     *           "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *           "type": "payout",
                     *           "amount": 2500,
                     *           "status": "completed",
                     *           "creationDate": "2022-07-19T21:00:00.000Z"
                     *         },
                     *         {
                     *           "id": "9b2f4c1e-5d3a-4e8b-a1c2-3f4e5d6a7b8c",
                     *           "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                     *           "type": "payin",
                     *           "amount": 100000,
                     *           "status": "completed",
                     *           "creationDate": "2022-07-19T20:08:29.970Z"
                     *         }
                     *       ],
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    enlistNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnlistNotificationRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["EnlistNotificationRequest"];
            };
        };
        responses: {
            /** @description The registration. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                     *         "url": "https://hooks.example.com/sovera",
                     *         "creationDate": "2022-07-19T20:08:29.970Z"
                     *       },
                     *       "meta": {
                     *         "timestamp": "2026-06-04T17:50:15.334Z",
                     *         "version": "v2",
                     *         "traceId": "73a5d32a-f92c-41eb-af8d-d7c6435f9a06"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    receiveCardTransactionEvent: {
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
                 *       "id": "5c1f0b8e-0a52-4d0e-9b1e-3f1a2b3c4d5e",
                 *       "event": "card.transaction.settled",
                 *       "creationDate": "2026-12-01T12:00:00.000Z",
                 *       "data": {
                 *         "transactionId": "txn_0001",
                 *         "cardId": "1f6e2b9c-6c1d-4b2a-9f3e-7a8b9c0d1e2f",
                 *         "walletId": "216fa217-6826-48b8-ab5b-0180891cef30",
                 *         "amount": 1250,
                 *         "merchant": "Coffee Shop",
                 *         "status": "SETTLED",
                 *         "amountWithheld": 0,
                 *         "balance": 8750
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CardTransactionEvent"];
            };
        };
        responses: {
            /** @description The client received the notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
